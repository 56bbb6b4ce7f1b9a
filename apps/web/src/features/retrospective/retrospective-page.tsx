import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DEFAULT_VOTES_PER_PERSON, MAX_VOTES_PER_PERSON, type RetrospectiveGroup } from '@amb/domain/retrospective';
import type { Retrospective } from '@amb/shared/retrospectives';
import { useTeamAbility } from '../../app/team-access';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { QueryState } from '../../components/query-state';
import { useRetrospective, useRetrospectiveLive, useSetRetrospective } from './api';
import { NoteForm } from './note-form';
import { CardState, NoteItem } from './note-item';
import './retrospective.css';

const groups: { group: RetrospectiveGroup; label: string; empty: string }[] = [
  { group: 'WENT_WELL', label: 'Went well', empty: 'Nothing here yet.' },
  { group: 'TO_IMPROVE', label: 'To improve', empty: 'Nothing here yet.' },
  { group: 'ACTION', label: 'Actions', empty: 'No actions yet: what will the team try next sprint?' },
];

/** A sprint's retrospective: notes in three groups, live for everyone, dot voting, actions that become cards. */
export function RetrospectivePage() {
  const { teamId = '', sprintId = '' } = useParams();
  const query = useRetrospective(sprintId);
  useRetrospectiveLive(sprintId, query.data?.liveBoardId);
  const able = useTeamAbility(teamId);
  return (
    <section className="retro-page" aria-labelledby="retro-title">
      <p className="retro-back">
        <Link to={`/teams/${teamId}/sprint?sprint=${sprintId}`}>← Back to the sprint</Link>
      </p>
      <QueryState query={query} loading="Loading the retrospective…" failed="The retrospective could not be loaded">
        {(retro) => <RetrospectiveView retro={retro} canWork={able('work')} canRun={able('run-retrospectives')} />}
      </QueryState>
    </section>
  );
}

function RetrospectiveView({ retro, canWork, canRun }: { retro: Retrospective; canWork: boolean; canRun: boolean }) {
  const stateText = { NOT_OPENED: 'Not opened', OPEN: 'Open', CLOSED: 'Closed' }[retro.state];
  return (
    <>
      <header className="retro-header">
        <h1 id="retro-title">
          Retrospective: {retro.sprintName} <span className={`retro-state ${retro.state.toLowerCase()}`}>{stateText}</span>
        </h1>
        {retro.state === 'CLOSED' && <p className="muted">Closed: the notes, votes and actions stay here to read.</p>}
        {canRun && <Facilitation retro={retro} />}
      </header>
      {retro.state === 'OPEN' && canWork && (
        <p className="votes-left" role="status" aria-live="polite">
          You have <strong>{retro.myDotsLeft}</strong> of {retro.votesPerPerson} votes left
        </p>
      )}
      <PreviousActions retro={retro} />
      {retro.state === 'NOT_OPENED' ? (
        <div className="empty-state">
          <p>{canRun ? 'Open the retrospective when the team is ready: everyone can then add notes and vote.' : 'The scrum master has not opened this retrospective yet.'}</p>
        </div>
      ) : (
        <div className="retro-groups">
          {groups.map(({ group, label, empty }) => {
            const notes = retro.notes.filter((n) => n.group === group);
            return (
              <section key={group} className={`retro-group ${group.toLowerCase()}`} aria-labelledby={`group-${group}`}>
                <h2 id={`group-${group}`}>
                  {label} <span className="count">{notes.length}</span>
                </h2>
                {notes.length === 0 ? (
                  <p className="muted">{retro.state === 'CLOSED' ? 'No notes in this group.' : empty}</p>
                ) : (
                  <ol className="retro-notes" aria-label={`${label}, most votes first`}>
                    {notes.map((n) => (
                      <NoteItem key={n.id} note={n} retro={retro} canVote={canWork} canConvert={canRun} />
                    ))}
                  </ol>
                )}
                {retro.state === 'OPEN' && canWork && <NoteForm sprintId={retro.sprintId} group={group} label={label} />}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}

/** The scrum master's controls: open with a number of votes each, close, reopen. */
function Facilitation({ retro }: { retro: Retrospective }) {
  const set = useSetRetrospective(retro.sprintId);
  const [votes, setVotes] = useState(retro.votesPerPerson || DEFAULT_VOTES_PER_PERSON);
  const { message, fail } = useActionMessage();
  const fieldError = set.error && 'fieldMessage' in set.error ? (set.error as { fieldMessage(f: string): string | undefined }).fieldMessage('body.votesPerPerson') : undefined;
  const apply = (state: 'OPEN' | 'CLOSED') => set.mutate({ state, votesPerPerson: votes }, { onError: fail });
  if (retro.sprintState === 'PLANNED') return <p className="muted">The retrospective can be opened once the sprint has started.</p>;
  return (
    <div className="facilitation">
      {retro.state !== 'CLOSED' && (
        <label>
          Votes per person{' '}
          <input type="number" min={1} max={MAX_VOTES_PER_PERSON} value={votes} onChange={(e) => setVotes(e.target.valueAsNumber)} aria-invalid={Boolean(fieldError)} />
        </label>
      )}
      {retro.state === 'OPEN' ? (
        <>
          {votes !== retro.votesPerPerson && (
            <button type="button" disabled={set.isPending} onClick={() => apply('OPEN')}>
              Save votes
            </button>
          )}
          <button type="button" disabled={set.isPending} onClick={() => apply('CLOSED')}>
            Close the retrospective
          </button>
        </>
      ) : (
        <button type="button" className="primary" disabled={set.isPending} onClick={() => apply('OPEN')}>
          {retro.state === 'CLOSED' ? 'Reopen the retrospective' : 'Open the retrospective'}
        </button>
      )}
      {fieldError && <span className="field-error">Votes per person {fieldError}</span>}
      <ActionMessage message={message} />
    </div>
  );
}

/** Last retrospective's actions, and whether their cards are done: the first thing to look back on. */
function PreviousActions({ retro }: { retro: Retrospective }) {
  const previous = retro.previous;
  if (!previous) return null;
  return (
    <section className="previous-actions" aria-labelledby="previous-title">
      <h2 id="previous-title">Actions from the last retrospective ({previous.sprintName})</h2>
      {previous.actions.length === 0 ? (
        <p className="muted">The last retrospective agreed no actions.</p>
      ) : (
        <ul>
          {previous.actions.map((a) => (
            <li key={a.id}>
              <span>{a.text}</span>{' '}
              {a.card ? (
                <>
                  <Link to={`/teams/${retro.teamId}/board/cards/${a.card.cardId}`}>
                    open card<span className="visually-hidden">: {a.card.title}</span>
                  </Link>{' '}
                  <CardState card={a.card} />
                </>
              ) : (
                <span className="badge">no card</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
