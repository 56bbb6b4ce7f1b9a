import { errorStatus, type ErrorCode, type FieldError } from '@amb/shared/errors';

/** The one error type services throw. The error handler turns it into the shared error body and status. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
export const invalidField = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${field} ${message}`, { fields: [{ field, message }] });

export const ARCHIVED_MESSAGE = 'This card is archived; restore it before changing it';
/** A write to an archived card, or to something of one (a comment, a checklist, a link...): read-only until restored. */
export const cardArchived = (field?: string) =>
  new AppError('CARD_ARCHIVED', ARCHIVED_MESSAGE, field ? { fields: [{ field, message: 'is an archived card' }] } : {});
