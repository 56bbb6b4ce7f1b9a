import { createContext, useContext } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PersonWip } from '@amb/shared/person-wip';
import { fetchPeopleWip } from './api';

// Each person's work in progress against their own limit, on every board: shown in the filter bar and on the
// owners' avatars. Reloaded whenever the board changes (the last activity it was loaded with moves on).

export const peopleWipKey = (boardId: string) => ['boards', boardId, 'people-wip'] as const;

export function usePeopleWip(boardId: string, lastActivityId: string | undefined) {
  return useQuery({
    queryKey: [...peopleWipKey(boardId), lastActivityId],
    queryFn: () => fetchPeopleWip(boardId),
    enabled: Boolean(boardId),
    placeholderData: keepPreviousData,
  });
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
  return p.wipLimit === null
    ? `${p.count} in progress, no limit`
    : `${p.count} of ${p.wipLimit} in progress${state ? stateText[state] : ''}`;
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
