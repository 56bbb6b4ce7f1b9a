import type { z } from 'zod';
import { createContext, useContext, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setPersonWipLimitBodySchema, type PersonWip, type SetPersonWipLimitBody } from '@amb/shared/person-wip';
import { ApiError } from '../../lib/api-client';
import { fetchPeopleWip, setPersonWipLimit } from './api';

// Each person's work in progress against their own limit, on every board: shown in the filter bar and on the
// owners' avatars. Reloaded whenever the board changes (the last activity it was loaded with moves on).

export const peopleWipKey = (boardId: string) => ['boards', boardId, 'people-wip'] as const;

export function usePeopleWip(boardId: string, lastActivityId: string | undefined) {
  return useQuery({ queryKey: [...peopleWipKey(boardId), lastActivityId], queryFn: () => fetchPeopleWip(boardId), enabled: Boolean(boardId), placeholderData: keepPreviousData });
}

const PeopleWipContext = createContext<Map<string, PersonWip>>(new Map());
export const PeopleWipProvider = PeopleWipContext.Provider;

type WipState = 'within' | 'at' | 'over';
export function wipState(p: Pick<PersonWip, 'count' | 'wipLimit'>): WipState | null {
  if (p.wipLimit === null) return null;
  return p.count > p.wipLimit ? 'over' : p.count === p.wipLimit ? 'at' : 'within';
}
const stateText: Record<WipState, string> = { within: '', at: ' (at limit)', over: ' (over limit)' };

/** "2 of 3 in progress", or the count alone for a person without a limit. */
export function wipText(p: PersonWip) {
  const state = wipState(p);
  return p.wipLimit === null ? `${p.count} in progress, no limit` : `${p.count} of ${p.wipLimit} in progress${state ? stateText[state] : ''}`;
}

/** An owner's avatar on a card: initials, and their count against their limit when they have one. */
export function OwnerAvatar({ userId, name, initials }: { userId: string; name: string; initials: string }) {
  const wip = useContext(PeopleWipContext).get(userId);
  const state = wip ? wipState(wip) : null;
  return (
    <span className={`avatar${state ? ` wip-${state}` : ''}`} title={wip ? `${name}: ${wipText(wip)}` : name}>
      {initials}
      {wip && state && state !== 'within' && (
        <span className="avatar-wip" aria-label={wipText(wip)}>
          {wip.count}/{wip.wipLimit}
        </span>
      )}
    </span>
  );
}

/** The people with a limit (or with work in progress), as chips; the person and scrum masters can change a limit. */
export function PeopleWipBar({ boardId, people, meId, canManage }: { boardId: string; people: PersonWip[]; meId: string | undefined; canManage: boolean }) {
  const [editing, setEditing] = useState<PersonWip | null>(null);
  const me = people.find((p) => p.userId === meId);
  const shown = people.filter((p) => p.wipLimit !== null || p.count > 0);
  return (
    <div className="people-wip">
      {shown.length > 0 && (
      <ul aria-label="Work in progress per person">
        {shown.map((p) => {
          const state = wipState(p);
          const label = `${p.name}: ${wipText(p)}`;
          const chip = (
            <>
              {p.name.split(/\s+/)[0]} <strong>{p.wipLimit === null ? p.count : `${p.count}/${p.wipLimit}`}</strong>
              {state === 'over' ? ' ▲' : state === 'at' ? ' ●' : ''}
            </>
          );
          return (
            <li key={p.userId} className={`wip-chip${state ? ` wip-${state}` : ''}`}>
              {canManage || p.userId === meId ? (
                <button type="button" aria-label={`${label}. Change WIP limit`} title={label} onClick={() => setEditing(p)}>
                  {chip}
                </button>
              ) : (
                <span title={label} aria-label={label}>
                  {chip}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      )}
      {me && me.wipLimit === null && (
        <button type="button" className="link-button" onClick={() => setEditing(me)}>
          Set my WIP limit
        </button>
      )}
      {editing && <PersonWipForm key={editing.userId} boardId={boardId} person={editing} isMe={editing.userId === meId} onClose={() => setEditing(null)} />}
    </div>
  );
}

function PersonWipForm({ boardId, person, isMe, onClose }: { boardId: string; person: PersonWip; isMe: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { register, handleSubmit, formState } = useForm<z.input<typeof setPersonWipLimitBodySchema>, unknown, SetPersonWipLimitBody>({
    resolver: zodResolver(setPersonWipLimitBodySchema),
    defaultValues: { wipLimit: person.wipLimit, wipPolicy: person.wipPolicy },
  });
  const save = useMutation({
    mutationFn: (body: SetPersonWipLimitBody) => setPersonWipLimit(person.userId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: peopleWipKey(boardId) });
      onClose();
    },
  });
  const error = formState.errors.wipLimit?.message ?? (save.error instanceof ApiError ? save.error.message : save.error ? 'Could not save the limit' : null);
  return (
    <form className="person-wip-form" aria-label={isMe ? 'My WIP limit' : `WIP limit of ${person.name}`} onSubmit={handleSubmit((body) => save.mutate(body))}>
      <label>
        Most cards in progress
        <input type="number" min={1} max={99} placeholder="No limit" autoFocus {...register('wipLimit', { setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)) })} />
      </label>
      <label>
        Policy
        <select {...register('wipPolicy')}>
          <option value="SOFT">Soft (warn)</option>
          <option value="HARD">Hard (refuse)</option>
        </select>
      </label>
      <button type="submit" disabled={save.isPending}>
        Save
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      {error && (
        <p className="field-error" role="alert">
          WIP limit {error}
        </p>
      )}
    </form>
  );
}
