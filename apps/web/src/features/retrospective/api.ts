import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { retrospectiveKinds } from '@amb/shared/activity';
import type { BoardEvent } from '@amb/shared/boards';
import {
  convertActionResultSchema,
  deleteNoteResultSchema,
  retrospectiveNoteWriteSchema,
  retrospectiveSchema,
  type AddNoteBody,
  type EditNoteBody,
  type RetrospectiveSettingsBody,
} from '@amb/shared/retrospectives';
import { mentionCandidatesSchema } from '@amb/shared/notifications';
import { z } from 'zod';
import { api } from '../../lib/api-client';

// The retrospective feature's calls to the API.

export const retrospectiveKey = (sprintId: string) => ['retrospective', sprintId] as const;

export const useRetrospective = (sprintId: string) =>
  useQuery({
    queryKey: retrospectiveKey(sprintId),
    queryFn: ({ signal }) => api('GET', `/sprints/${sprintId}/retrospective`, { schema: retrospectiveSchema, signal }),
  });

/** Everything a write changes shows up in the retrospective; the stream tells everyone else. */
function useRetrospectiveWrite<A, R>(sprintId: string, write: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => client.invalidateQueries({ queryKey: retrospectiveKey(sprintId) }),
  });
}

export const useSetRetrospective = (sprintId: string) =>
  useRetrospectiveWrite(sprintId, (body: RetrospectiveSettingsBody) =>
    api('PUT', `/sprints/${sprintId}/retrospective`, { body, schema: retrospectiveSchema }),
  );

export const useAddNote = (sprintId: string) =>
  useRetrospectiveWrite(sprintId, (body: AddNoteBody) =>
    api('POST', `/sprints/${sprintId}/retrospective/notes`, { body, schema: retrospectiveNoteWriteSchema }),
  );

export const useEditNote = (sprintId: string) =>
  useRetrospectiveWrite(sprintId, ({ noteId, body }: { noteId: string; body: EditNoteBody }) =>
    api('PATCH', `/retrospective-notes/${noteId}`, { body, schema: retrospectiveNoteWriteSchema }),
  );

/** The people who can read the team's cards, by name, for a mention in a note. */
export const fetchMentionCandidates = async (teamId: string, q: string, signal?: AbortSignal) =>
  (
    await api('GET', `/teams/${teamId}/mention-candidates?q=${encodeURIComponent(q)}`, {
      schema: mentionCandidatesSchema,
      signal,
    })
  ).people;

export const useDeleteNote = (sprintId: string) =>
  useRetrospectiveWrite(sprintId, (noteId: string) =>
    api('DELETE', `/retrospective-notes/${noteId}`, { schema: deleteNoteResultSchema }),
  );

const voteResultSchema = z.object({ noteId: z.string(), myDots: z.number(), myDotsLeft: z.number() });
export const useVote = (sprintId: string) =>
  useRetrospectiveWrite(sprintId, ({ noteId, dots }: { noteId: string; dots: number }) =>
    api('PUT', `/retrospective-notes/${noteId}/vote`, { body: { dots }, schema: voteResultSchema }),
  );

export const useConvertAction = (sprintId: string) =>
  useRetrospectiveWrite(sprintId, (noteId: string) =>
    api('POST', `/retrospective-notes/${noteId}/card`, { schema: convertActionResultSchema }),
  );

/**
 * Keeps the retrospective live: the team's board stream carries its changes, and each one (or a reconnect, after
 * which something may have been missed) has the retrospective fetched again.
 */
export function useRetrospectiveLive(sprintId: string, liveBoardId: string | null | undefined) {
  const client = useQueryClient();
  useEffect(() => {
    if (!liveBoardId) return;
    const source = new EventSource(`/api/boards/${liveBoardId}/events`);
    const refresh = () => void client.invalidateQueries({ queryKey: retrospectiveKey(sprintId) });
    source.addEventListener('open', refresh);
    source.addEventListener('board', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as BoardEvent;
      if (retrospectiveKinds.includes(event.kind)) refresh();
    });
    return () => source.close();
  }, [client, sprintId, liveBoardId]);
}
