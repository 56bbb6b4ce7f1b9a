import { queryOptions } from '@tanstack/react-query';
import { boardViewSchema } from '@amb/shared/boards';
import { api } from '../../lib/api-client';

// The board layout's calls to the API: its columns and swimlanes, and one function per change.
export const boardLayoutQuery = (boardId: string) =>
  queryOptions({
    queryKey: ['boards', boardId, 'layout'],
    queryFn: ({ signal }) =>
      api('GET', `/boards/${boardId}`, { schema: boardViewSchema, signal }).then((v) => ({
        columns: v.columns,
        swimlanes: v.swimlanes,
      })),
    staleTime: 0,
  });

export const addColumn = (boardId: string, name: string) => api('POST', '/columns', { body: { boardId, name } });
export const changeColumn = (columnId: string, body: object) => api('PATCH', `/columns/${columnId}`, { body });
export const deleteColumn = (columnId: string) => api('DELETE', `/columns/${columnId}`);
export const addSwimlane = (boardId: string, name: string) => api('POST', '/swimlanes', { body: { boardId, name } });
export const changeSwimlane = (swimlaneId: string, body: object) => api('PATCH', `/swimlanes/${swimlaneId}`, { body });
export const deleteSwimlane = (swimlaneId: string) => api('DELETE', `/swimlanes/${swimlaneId}`);
