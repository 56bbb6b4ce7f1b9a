import { lazy, Suspense, useState } from 'react';
import type { PersonWip } from '@amb/shared/person-wip';
import { wipState, wipText } from './people-wip';

// The form loads when someone opens it, so the board's first download does not carry the form library.
const PersonWipForm = lazy(async () => ({ default: (await import('./person-wip-form')).PersonWipForm }));

/** Each person's cards in progress against their WIP limit, with a way to set one's own (or, for scrum masters, anyone's). */
export function PeopleWipBar({
  boardId,
  people,
  meId,
  canManage,
}: {
  boardId: string;
  people: PersonWip[];
  meId: string | undefined;
  canManage: boolean;
}) {
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
            const shown = `${p.name.split(/\s+/)[0]} ${p.wipLimit === null ? p.count : `${p.count}/${p.wipLimit}`}`;
            // The name starts with what the chip shows (voice control users say what they see), then says it in words.
            const name = `${shown}, ${label}`;
            const chip = (
              <>
                {shown.slice(0, shown.lastIndexOf(' '))} <strong>{shown.slice(shown.lastIndexOf(' ') + 1)}</strong>
                {state && state !== 'within' && <span aria-hidden="true">{state === 'over' ? ' ▲' : ' ●'}</span>}
              </>
            );
            return (
              <li key={p.userId} className={`wip-chip${state ? ` wip-${state}` : ''}`}>
                {canManage || p.userId === meId ? (
                  <button
                    type="button"
                    aria-label={`${name}. Change WIP limit`}
                    title={label}
                    onClick={() => setEditing(p)}
                  >
                    {chip}
                  </button>
                ) : (
                  <span title={label} aria-label={name}>
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
      {editing && (
        <Suspense fallback={null}>
          <PersonWipForm
            key={editing.userId}
            boardId={boardId}
            person={editing}
            isMe={editing.userId === meId}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
    </div>
  );
}
