import { errorBodySchema } from '@amb/shared/errors';

/** The error responses a signed-in route can give, for its schema (and so the OpenAPI document). */
export const readErrors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema } as const;
export const writeErrors = { ...readErrors, 403: errorBodySchema, 409: errorBodySchema } as const;
