import { mentionCandidatesSchema, watchersSchema } from '@amb/shared/notifications';
import { queryOptions } from '@tanstack/react-query';
import { cardSummarySchema } from '@amb/shared/boards';
import {
  addedCommentSchema,
  archivedCardsSchema,
  cardDetailSchema,
  cardSearchResultSchema,
  cardUpdateResultSchema,
  commentPageSchema,
  type UpdateCardBody,
} from '@amb/shared/cards';
import { memberListSchema } from '@amb/shared/teams';
import { api } from '../../lib/api-client';

// The cards feature's calls to the API: query options (key + fetch) for what it reads, one function per write.
export const cardKeys = {
  all: ['cards'] as const,
  detail: (cardId: string) => ['cards', 'detail', cardId] as const,
  archived: (boardId: string) => ['cards', 'archived', boardId] as const,
  search: (q: string) => ['cards', 'search', q] as const,
};

export const cardQuery = (cardId: string) =>
  queryOptions({
    queryKey: cardKeys.detail(cardId),
    queryFn: ({ signal }) => api('GET', `/cards/${cardId}`, { schema: cardDetailSchema, signal }),
    staleTime: 0,
  });

export const archivedCardsQuery = (boardId: string) =>
  queryOptions({
    queryKey: cardKeys.archived(boardId),
    queryFn: ({ signal }) =>
      api('GET', `/boards/${boardId}/archived-cards`, { schema: archivedCardsSchema, signal }).then((r) => r.cards),
  });

/** Cards on any board the person can see, for the link picker (asked for once typing pauses). */
export const cardSearchQuery = (q: string) =>
  queryOptions({
    queryKey: cardKeys.search(q),
    queryFn: ({ signal }) =>
      api('GET', `/cards/search?q=${encodeURIComponent(q)}`, { schema: cardSearchResultSchema, signal }).then(
        (r) => r.cards,
      ),
  });

/** The people who can own a card (members other than viewers). */
export const cardOwnersQuery = (teamId: string) =>
  queryOptions({
    queryKey: ['teams', teamId, 'members', 'card-owners'],
    queryFn: ({ signal }) =>
      api('GET', `/teams/${teamId}/members`, { schema: memberListSchema, signal }).then((r) =>
        r.members.filter((m) => m.role !== 'VIEWER').map((m) => ({ id: m.userId, name: m.name })),
      ),
  });

export const updateCard = (cardId: string, body: UpdateCardBody) =>
  api('PATCH', `/cards/${cardId}`, { body, schema: cardUpdateResultSchema });
export const archiveCard = (cardId: string, version: number) =>
  api('POST', `/cards/${cardId}/archive`, { body: { version } });
export const restoreCard = (cardId: string, version: number) =>
  api('POST', `/cards/${cardId}/restore`, { body: { version } });
/** The people who can read the card, by name, for a mention. */
export const fetchMentionCandidates = async (cardId: string, q: string, signal?: AbortSignal) =>
  (
    await api('GET', `/cards/${cardId}/mention-candidates?q=${encodeURIComponent(q)}`, {
      schema: mentionCandidatesSchema,
      signal,
    })
  ).people;
export const fetchWatchers = (cardId: string) => api('GET', `/cards/${cardId}/watchers`, { schema: watchersSchema });
export const setWatching = (cardId: string, watching: boolean) =>
  api('PUT', `/cards/${cardId}/watch`, { body: { watching }, schema: watchersSchema });
export const addComment = (cardId: string, body: string) =>
  api('POST', `/cards/${cardId}/comments`, { body: { body }, schema: addedCommentSchema });
export const addChecklist = (cardId: string, title: string) =>
  api('POST', `/cards/${cardId}/checklists`, { body: { title } });
export const addChecklistItem = (checklistId: string, text: string) =>
  api('POST', `/checklists/${checklistId}/items`, { body: { text } });
export const setChecklistItemDone = (itemId: string, done: boolean) =>
  api('PATCH', `/checklists/items/${itemId}`, { body: { done } });
export const addLink = (cardId: string, toCardId: string, kind: string) =>
  api('POST', `/cards/${cardId}/links`, { body: { toCardId, kind } });
export const removeLink = (linkId: string) => api('DELETE', `/card-links/${linkId}`);

/** The page of a card's comments just before the comment `before`, oldest first. */
export const fetchCommentsBefore = (cardId: string, before: string, signal?: AbortSignal) =>
  api('GET', `/cards/${cardId}/comments?before=${encodeURIComponent(before)}`, { schema: commentPageSchema, signal });
/** Puts the card in a sprint, or back in the backlog (null): for those who plan sprints. */
export const setCardSprint = (cardId: string, sprintId: string | null) =>
  api('PUT', `/cards/${cardId}/sprint`, { body: { sprintId }, schema: cardSummarySchema });
/** The PMO takes on an escalated obstacle, or says it is cleared, with a note for the team. */
export const setPmoHandling = (cardId: string, state: 'handling' | 'cleared', note: string) =>
  api('PUT', `/cards/${cardId}/pmo-handling`, { body: { state, note } });
