import { commentPageSchema } from '@amb/shared/cards';
import { api } from '../../lib/api-client';

/** The page of a card's comments just before the comment `before`, oldest first. */
export const fetchCommentsBefore = (cardId: string, before: string, signal?: AbortSignal) =>
  api('GET', `/cards/${cardId}/comments?before=${encodeURIComponent(before)}`, { schema: commentPageSchema, signal });
