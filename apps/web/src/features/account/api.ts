import {
  accountSessionListSchema,
  apiTokenListSchema,
  createdApiTokenSchema,
  type ChangePasswordBody,
  type CreateApiTokenBody,
  type UpdateAccountBody,
} from '@amb/shared/account';
import { meSchema } from '@amb/shared/auth';
import { z } from 'zod';
import { api } from '../../lib/api-client';

export const accountKeys = { me: ['me'] as const, sessions: ['account', 'sessions'] as const };

export const fetchMe = () => api('GET', '/auth/me', { schema: meSchema });
export const updateAccount = (body: UpdateAccountBody) => api('PATCH', '/account', { body, schema: meSchema });
export const changePassword = (body: ChangePasswordBody) =>
  api('PUT', '/account/password', { body, schema: z.object({ endedSessions: z.number() }) });
export const fetchSessions = () =>
  api('GET', '/account/sessions', { schema: accountSessionListSchema }).then((r) => r.sessions);
export const endSession = (id: string) => api('DELETE', `/account/sessions/${id}`);

export const tokenKeys = { mine: ['account', 'tokens'] as const };
export const fetchApiTokens = () => api('GET', '/account/tokens', { schema: apiTokenListSchema }).then((r) => r.tokens);
export const createApiToken = (body: CreateApiTokenBody) =>
  api('POST', '/account/tokens', { body, schema: createdApiTokenSchema });
export const revokeApiToken = (id: string) => api('DELETE', `/account/tokens/${id}`);
