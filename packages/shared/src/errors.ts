import { z } from 'zod';

/** Every failure the API reports carries one of these codes. The API maps each to one HTTP status. */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_VERSION',
  'WIP_LIMIT_REACHED',
  'APPROVAL_REQUIRED',
  'EMAIL_TAKEN',
  'SIGN_UP_CLOSED',
  'RATE_LIMITED',
  'ACCOUNT_LOCKED',
  'LIMIT_REACHED',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'UNSUPPORTED_MEDIA_TYPE',
  'CARD_ARCHIVED',
  'INTERNAL',
  'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  WIP_LIMIT_REACHED: 409,
  /** The card would leave a column that requires approval before its approval stands approved. */
  APPROVAL_REQUIRED: 409,
  EMAIL_TAKEN: 409,
  SIGN_UP_CLOSED: 403,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 429,
  /** A card holds as many comments, checklist items or links as it may. */
  LIMIT_REACHED: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The card is archived: it is read-only until restored. */
  CARD_ARCHIVED: 409,
  INTERNAL: 500,
  /** The database is out of reach for a moment (a restart, a failover): try again shortly. */
  UNAVAILABLE: 503,
};

export const fieldErrorSchema = z.object({
  /** Dotted path of the offending field, e.g. `body.email` or `params.teamId`. */
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.array(fieldErrorSchema).optional(),
    /** Extra facts for the client, such as the current card on a stale write. */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
