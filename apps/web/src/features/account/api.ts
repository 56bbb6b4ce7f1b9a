import { accountSessionListSchema, type ChangePasswordBody, type UpdateAccountBody } from '@amb/shared/account';
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
