import { boardPeopleWipSchema, personWipSchema, type SetPersonWipLimitBody } from '@amb/shared/person-wip';
import { api } from '../../lib/api-client';

export const fetchPeopleWip = (boardId: string) => api('GET', `/boards/${boardId}/people-wip`, { schema: boardPeopleWipSchema });

export const setPersonWipLimit = (userId: string, body: SetPersonWipLimitBody) => api('PUT', `/users/${userId}/wip-limit`, { body, schema: personWipSchema });

/** The board as a file; the browser downloads it as the server streams it. */
export const boardExportUrl = (boardId: string, format: 'csv' | 'json') => `/api/boards/${boardId}/export.${format}`;
