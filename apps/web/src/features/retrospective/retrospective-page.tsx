import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  checkAllowance,
  DEFAULT_VOTES_PER_PERSON,
  MAX_VOTES_PER_PERSON,
  type RetrospectiveGroup,
} from '@amb/domain/retrospective';
import { allowanceBelowPlacedMessage, type Retrospective } from '@amb/shared/retrospectives';
import { useAuthStore } from '../../app/auth-store';
import { useTeamAbility } from '../../app/team-access';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { TextWithMentions } from '../../components/mention-text';
import { QueryState } from '../../components/query-state';
import { ApiError } from '../../lib/api-client';
import { useRetrospective, useRetrospectiveLive, useSetRetrospective } from './api';
import { noteGroups } from './note-fields';
import { NoteForm } from './note-form';
import { CardState, NoteItem, type NoteFocus } from './note-item';
import './retrospective.css';

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
  const meId = useAuthStore((s) => s.me?.user.id);
  // Where focus goes once the notes on screen have caught up with an edit or a deletion.
  const [focus, setFocus] = useState<NoteFocus | { group: RetrospectiveGroup } | null>(null);
  const focused = useCallback(() => setFocus(null), []);
  const focusedGroup = focus && 'group' in focus ? focus.group : null;
  const focusedNote = focus && 'noteId' in focus ? focus : null;
  // What the last deletion gave back, said in the group it happened in.
  const [said, setSaid] = useState<{ group: RetrospectiveGroup; text: string } | null>(null);
  // The note this person is editing: if someone else deletes it meanwhile, its form goes with it, and this says why.
  const [editing, setEditing] = useState<{ id: string; group: RetrospectiveGroup; short: string } | null>(null);
  if (editing && !retro.notes.some((n) => n.id === editing.id)) {
    setEditing(null);
    setSaid({
      group: editing.group,
      text: `“${editing.short}” was deleted by someone else while you were editing it; your changes were not saved.`,
    });
    setFocus({ group: editing.group });
  }
  const stateText = { NOT_OPENED: 'Not opened', OPEN: 'Open', CLOSED: 'Closed' }[retro.state];
  return (
    <>
      <header className="retro-header">
        <h1 id="retro-title">
          Retrospective: {retro.sprintName}{' '}
          <span className={`retro-state ${retro.state.toLowerCase()}`}>{stateText}</span>
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
          <p>
            {canRun
              ? 'Open the retrospective when the team is ready: everyone can then add notes and vote.'
              : 'The scrum master has not opened this retrospective yet.'}
          </p>
        </div>
      ) : (
        <div className="retro-groups">
          {noteGroups.map(({ group, label, empty }) => {
            const notes = retro.notes.filter((n) => n.group === group);
            return (
              <section key={group} className={`retro-group ${group.toLowerCase()}`} aria-labelledby={`group-${group}`}>
                <GroupHeading
                  group={group}
                  label={label}
                  count={notes.length}
                  focus={focusedGroup === group}
                  onFocused={focused}
                />
                <p className="group-status muted" role="status" aria-live="polite">
                  {said?.group === group ? said.text : ''}
                </p>
                {notes.length === 0 ? (
                  <p className="muted">{retro.state === 'CLOSED' ? 'No notes in this group.' : empty}</p>
                ) : (
                  <ol className="retro-notes" aria-label={`${label}, most votes first`}>
                    {notes.map((n, i) => (
                      <NoteItem
                        key={n.id}
                        note={n}
                        retro={retro}
                        canVote={canWork}
                        canConvert={canRun}
                        canChange={retro.state === 'OPEN' && !n.card && (canRun || (canWork && n.authorId === meId))}
                        focus={focusedNote?.noteId === n.id ? focusedNote.on : null}
                        onFocused={focused}
                        onEditOpened={(short) => setEditing({ id: n.id, group, short })}
                        onEditClosed={() => {
                          setEditing(null);
                          setFocus({ noteId: n.id, on: 'edit' });
                          setSaid(null);
                        }}
                        onDeleted={(dots) => {
                          setEditing(null);
                          // The next note takes its place under focus; the last one gone leaves the group's heading.
                          const neighbour = notes[i + 1] ?? notes[i - 1];
                          setFocus(neighbour ? { noteId: neighbour.id, on: 'note' } : { group });
                          const back =
                            dots === 0
                              ? ''
                              : dots === 1
                                ? ' Its vote went back to the person who placed it.'
                                : ` Its ${dots} votes went back to those who placed them.`;
                          setSaid({ group, text: `Note deleted.${back}` });
                        }}
                      />
                    ))}
                  </ol>
                )}
                {retro.state === 'OPEN' && canWork && (
                  <NoteForm sprintId={retro.sprintId} teamId={retro.teamId} group={group} label={label} />
                )}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}

/** A group's heading, which takes focus when the last note under it is deleted. */
function GroupHeading({
  group,
  label,
  count,
  focus,
  onFocused,
}: {
  group: RetrospectiveGroup;
  label: string;
  count: number;
  focus: boolean;
  onFocused: () => void;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    ref.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  return (
    <h2 id={`group-${group}`} ref={ref} tabIndex={-1}>
      {label} <span className="count">{count}</span>
    </h2>
  );
}

/** The scrum master's controls: open with a number of votes each, close, reopen. */
function Facilitation({ retro }: { retro: Retrospective }) {
  const set = useSetRetrospective(retro.sprintId);
  const [votes, setVotes] = useState(retro.votesPerPerson || DEFAULT_VOTES_PER_PERSON);
  const { message, fail } = useActionMessage();
  // Lowering below the votes someone has placed is refused (decision 40): said before saving, not after.
  const tooLow =
    retro.state === 'OPEN'
      ? checkAllowance({ current: retro.votesPerPerson, next: votes, mostPlaced: retro.mostDotsPlaced })
      : null;
  const refused = set.error instanceof ApiError ? set.error.fieldMessage('body.votesPerPerson') : undefined;
  const fieldError = tooLow ? allowanceBelowPlacedMessage(tooLow.mostPlaced) : refused;
  // A refusal about the number is said beside it; anything else below the buttons.
  const onError = (e: unknown) => !(e instanceof ApiError && e.fieldMessage('body.votesPerPerson')) && fail(e);
  const apply = (body: { state: 'OPEN' | 'CLOSED'; votesPerPerson?: number }) => set.mutate(body, { onError });
  if (retro.sprintState === 'PLANNED')
    return <p className="muted">The retrospective can be opened once the sprint has started.</p>;
  return (
    <div className="facilitation">
      {retro.state !== 'CLOSED' && (
        <label>
          Votes per person{' '}
          <input
            type="number"
            min={1}
            max={MAX_VOTES_PER_PERSON}
            value={votes}
            onChange={(e) => setVotes(e.target.valueAsNumber)}
            aria-invalid={Boolean(fieldError)}
            aria-describedby={fieldError ? 'votes-error' : undefined}
          />
        </label>
      )}
      {retro.state === 'OPEN' ? (
        <>
          {votes !== retro.votesPerPerson && (
            <button
              type="button"
              disabled={set.isPending || Boolean(tooLow)}
              onClick={() => apply({ state: 'OPEN', votesPerPerson: votes })}
            >
              Save votes
            </button>
          )}
          {/* Closing keeps the allowance as saved; a number typed but not saved is not part of it. */}
          <button type="button" disabled={set.isPending} onClick={() => apply({ state: 'CLOSED' })}>
            Close the retrospective
          </button>
        </>
      ) : (
        <button
          type="button"
          className="primary"
          disabled={set.isPending}
          onClick={() => apply(retro.state === 'CLOSED' ? { state: 'OPEN' } : { state: 'OPEN', votesPerPerson: votes })}
        >
          {retro.state === 'CLOSED' ? 'Reopen the retrospective' : 'Open the retrospective'}
        </button>
      )}
      {fieldError && (
        <span className="field-error" id="votes-error">
          Votes per person {fieldError}
        </span>
      )}
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
              <span>
                <TextWithMentions text={a.text} people={a.mentions} />
              </span>{' '}
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
