import {
  inboxSchema,
  preferencesSchema,
  unreadCountSchema,
  type UpdatePreferencesBody,
} from '@amb/shared/notifications';
import { api } from '../../lib/api-client';

export const notificationKeys = {
  unread: ['notifications', 'unread'] as const,
  inbox: ['notifications', 'inbox'] as const,
  preferences: ['notifications', 'preferences'] as const,
};

export const fetchInbox = () => api('GET', '/notifications', { schema: inboxSchema });
export const fetchUnread = () => api('GET', '/notifications/unread', { schema: unreadCountSchema });
export const markRead = (notificationId: string) =>
  api('POST', `/notifications/${notificationId}/read`, { schema: unreadCountSchema });
export const markAllRead = () => api('POST', '/notifications/read-all', { schema: unreadCountSchema });
export const fetchPreferences = () => api('GET', '/notifications/preferences', { schema: preferencesSchema });
export const savePreferences = (body: UpdatePreferencesBody) =>
  api('PUT', '/notifications/preferences', { body, schema: preferencesSchema });
/** The live unread count (server-sent events). */
export const unreadEventsUrl = '/api/notifications/events';
