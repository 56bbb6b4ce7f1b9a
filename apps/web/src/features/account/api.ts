import {
  accountSessionListSchema,
  apiTokenListSchema,
  calendarFeedListSchema,
  createdApiTokenSchema,
  createdCalendarFeedSchema,
  type ChangePasswordBody,
  type CreateApiTokenBody,
  type CreateCalendarFeedBody,
  type UpdateAccountBody,
} from '@amb/shared/account';
import { meSchema } from '@amb/shared/auth';
import { teamListSchema } from '@amb/shared/teams';
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

export const calendarFeedKeys = { mine: ['account', 'calendar-feeds'] as const, teams: ['account', 'teams'] as const };
export const fetchCalendarFeeds = () =>
  api('GET', '/account/calendar-feeds', { schema: calendarFeedListSchema }).then((r) => r.feeds);
export const createCalendarFeed = (body: CreateCalendarFeedBody) =>
  api('POST', '/account/calendar-feeds', { body, schema: createdCalendarFeedSchema });
export const renewCalendarFeed = (id: string) =>
  api('POST', `/account/calendar-feeds/${id}/renew`, { schema: createdCalendarFeedSchema });
export const revokeCalendarFeed = (id: string) => api('DELETE', `/account/calendar-feeds/${id}`);
/** The teams a feed can follow: those the person can read. */
export const fetchReadableTeams = () => api('GET', '/teams', { schema: teamListSchema }).then((r) => r.teams);
