import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { blockerCategoryLabels } from '@amb/shared/activity-sentence';
import type { Standup } from '@amb/shared/standup';
import { ActivityLine } from '../../components/activity-line';
import { QueryState } from '../../components/query-state';
import { useTeamAbility } from '../../app/team-access';
import { useBurndown, useEscalate, useStandup, type StandupWindow } from './api';
import { SmallBurndown } from './small-burndown';
import { SpeakerTimer } from './speaker-timer';
import { StandupTimeForm } from './standup-time-form';
import './standup.css';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
/** `datetime-local` wants local wall-clock time without a zone. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Keys that step through people (or columns), unless the person is typing in a field. */
function useStepKeys(step: (by: 1 | -1) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'ArrowRight' || e.key === 'n') step(1);
      else if (e.key === 'ArrowLeft' || e.key === 'p') step(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);
}

/** The team's daily stand-up, for a shared screen: who is speaking, their cards, obstacles, aging work, changes. */
export function StandupPage() {
  const { teamId = '' } = useParams();
  const [range, setRange] = useState<StandupWindow>({});
  const query = useStandup(teamId, range);
  return (
    <div className="standup">
      <QueryState query={query} loading="Loading the stand-up…" failed="The stand-up could not be loaded">
        {(standup) => <StandupBoard standup={standup} teamId={teamId} range={range} onRange={setRange} />}
      </QueryState>
    </div>
  );
}

type Turns = 'people' | 'columns';

function StandupBoard({
  standup,
  teamId,
  range,
  onRange,
}: {
  standup: Standup;
  teamId: string;
  range: StandupWindow;
  onRange: (w: StandupWindow) => void;
}) {
  const can = useTeamAbility(teamId);
  // Walk the people, or walk the board's columns (right to left); -1 is "everyone", 0..n-1 the turn.
  const [turns, setTurns] = useState<Turns>('people');
  const [speaker, setSpeaker] = useState(-1);
  const [timerMinutes, setTimerMinutes] = useState<number | null>(null);
  const people = standup.people;
  const count = turns === 'people' ? people.length : standup.columns.length;
  const step = useCallback((by: 1 | -1) => setSpeaker((s) => Math.max(-1, Math.min(count - 1, s + by))), [count]);
  useStepKeys(step);
  const current = turns === 'people' && speaker >= 0 ? people[speaker] : undefined;
  const column = turns === 'columns' && speaker >= 0 ? standup.columns[speaker] : undefined;
  const isTurn = (card: { ownerIds: string[]; columnId: string; waitingOn?: { userId: string }[] }) =>
    Boolean(
      (current &&
        (card.ownerIds.includes(current.userId) || card.waitingOn?.some((w) => w.userId === current.userId))) ||
      (column && card.columnId === column.id),
    );
  const tag = current ? '★ Card of the person speaking' : '★ Card in this column';
  const chooseTurns = (next: Turns) => {
    setTurns(next);
    setSpeaker(-1);
  };
  const name = (id: string) => standup.names[id] ?? 'someone';
  const owners = (ids: string[]) => (ids.length ? ids.map(name).join(', ') : 'nobody');
  const changes = standup.changes.filter((c) => !current || c.userId === current.userId);

  return (
    <>
      <header className="standup-head">
        <div>
          <h1>Stand-up · {standup.teamName}</h1>
          <p className="standup-window">
            Changes from <time dateTime={standup.since}>{when(standup.since)}</time> to{' '}
            <time dateTime={standup.until}>{when(standup.until)}</time>
            {!range.since &&
              !range.until &&
              ` (since the last stand-up at ${standup.standupTime}, ${standup.timeZone})`}
          </p>
        </div>
        <WindowPicker standup={standup} range={range} onRange={onRange} />
        {can('manage-board') && (
          <StandupTimeForm teamId={teamId} standupTime={standup.standupTime} timeZone={standup.timeZone} />
        )}
      </header>

      <div className="standup-turns">
        <fieldset>
          <legend>Step through</legend>
          <label>
            <input type="radio" name="turns" checked={turns === 'people'} onChange={() => chooseTurns('people')} />{' '}
            People
          </label>
          <label>
            <input type="radio" name="turns" checked={turns === 'columns'} onChange={() => chooseTurns('columns')} />{' '}
            Columns
          </label>
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={timerMinutes !== null}
            onChange={(e) => setTimerMinutes(e.target.checked ? 2 : null)}
          />{' '}
          Timer per turn
        </label>
        {timerMinutes !== null && (
          <label>
            <input
              type="number"
              min={1}
              max={15}
              value={timerMinutes}
              onChange={(e) => setTimerMinutes(Math.max(1, e.target.valueAsNumber || 1))}
              aria-label="Minutes per turn"
            />{' '}
            min each
          </label>
        )}
      </div>

      <nav className="standup-people" aria-label={turns === 'people' ? 'People' : 'Columns'}>
        <button
          type="button"
          onClick={() => step(-1)}
          disabled={speaker < 0}
          aria-label={turns === 'people' ? 'Previous person' : 'Previous column'}
        >
          ←
        </button>
        <ol>
          <li>
            <button type="button" aria-pressed={speaker === -1} onClick={() => setSpeaker(-1)}>
              Everyone
            </button>
          </li>
          {(turns === 'people'
            ? people.map((p) => ({ key: p.userId, label: p.name }))
            : standup.columns.map((c) => ({ key: c.id, label: c.name }))
          ).map((t, i) => (
            <li key={t.key}>
              <button type="button" aria-pressed={speaker === i} onClick={() => setSpeaker(i)}>
                {t.label}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => step(1)}
          disabled={speaker >= count - 1}
          aria-label={turns === 'people' ? 'Next person' : 'Next column'}
        >
          →
        </button>
        <p className="standup-hint muted">
          ← → or P / N to step through {turns === 'people' ? 'people' : 'columns, from the one nearest done'}
        </p>
      </nav>
      <div className="standup-turn">
        <h2 className="standup-speaker" aria-live="polite">
          {current
            ? `Now speaking: ${current.name}`
            : column
              ? `Now at: ${column.name} (${column.cardCount} ${column.cardCount === 1 ? 'card' : 'cards'})`
              : turns === 'people'
                ? 'The whole team'
                : 'The whole board'}
        </h2>
        {timerMinutes !== null && speaker >= 0 && <SpeakerTimer key={`${turns}:${speaker}`} minutes={timerMinutes} />}
      </div>

      <div className="standup-grid">
        <section aria-labelledby="standup-blocked" className="standup-panel">
          <h2 id="standup-blocked">Blocked ({standup.blocked.length})</h2>
          {standup.blocked.length === 0 ? (
            <p className="muted">Nothing is blocked.</p>
          ) : (
            <ul className="standup-cards">
              {standup.blocked.map((b) => (
                <li
                  key={b.cardId}
                  className={`standup-card blocked${isTurn(b) ? ' mine' : ''}`}
                  aria-current={isTurn(b) || undefined}
                >
                  <BlockedCard card={b} teamId={teamId} owners={owners(b.ownerIds)} tag={isTurn(b) ? tag : null} />
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="standup-aging" className="standup-panel">
          <h2 id="standup-aging">Aging ({standup.aging.length})</h2>
          {standup.aging.length === 0 ? (
            <p className="muted">No card has sat in one column longer than its limit.</p>
          ) : (
            <ul className="standup-cards">
              {standup.aging.map((a) => (
                <li
                  key={a.cardId}
                  className={`standup-card aging${isTurn(a) ? ' mine' : ''}`}
                  aria-current={isTurn(a) || undefined}
                >
                  {isTurn(a) && <span className="mine-tag">{tag}</span>}
                  <Link to={`/teams/${teamId}/board/cards/${a.cardId}`} className="standup-title">
                    {a.title}
                  </Link>
                  <span className="standup-age">
                    {days(a.daysInColumn)} in {a.columnName}
                  </span>
                  <span className="muted">
                    Limit {days(a.thresholdDays)} · owners: {owners(a.ownerIds)}
                    {a.blocked ? ' · blocked' : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="standup-approvals" className="standup-panel">
          <h2 id="standup-approvals">Waiting for approval ({standup.approvals.length})</h2>
          {standup.approvals.length === 0 ? (
            <p className="muted">No card waits for an approval.</p>
          ) : (
            <ul className="standup-cards">
              {standup.approvals.map((a) => (
                <li
                  key={a.cardId}
                  className={`standup-card approval${isTurn(a) ? ' mine' : ''}`}
                  aria-current={isTurn(a) || undefined}
                >
                  {isTurn(a) && <span className="mine-tag">{tag}</span>}
                  <Link to={`/teams/${teamId}/board/cards/${a.cardId}`} className="standup-title">
                    {a.title}
                  </Link>
                  <span className="standup-age">
                    {a.state === 'changes_requested'
                      ? `Changes requested · asked ${days(a.waitingDays)} ago`
                      : `Waiting ${days(a.waitingDays)} · ${a.approved} of ${a.of} approved`}
                  </span>
                  <span className="muted">
                    {a.attachmentName ? `${a.attachmentName} · ` : ''}
                    {a.waitingOn.length > 0
                      ? `waiting on ${a.waitingOn.map((w) => w.name).join(', ')}`
                      : `owners: ${owners(a.ownerIds)}`}{' '}
                    · in {a.columnName}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="standup-changes" className="standup-panel standup-changes">
          <h2 id="standup-changes">{current ? `What ${current.name} changed` : 'What changed'}</h2>
          {changes.length === 0 ? (
            <p className="muted">
              {current ? `${current.name} changed nothing in this window.` : 'Nothing changed in this window.'}
            </p>
          ) : (
            changes.map((c) => (
              <div key={c.userId ?? 'none'}>
                {!current && <h3>{c.userId ? name(c.userId) : 'Automatic changes'}</h3>}
                <ul className="standup-history">
                  {c.entries.map((e) => (
                    <ActivityLine
                      key={e.id}
                      entry={{ ...e, actor: c.userId ? { id: c.userId, name: name(c.userId) } : null }}
                      names={standup.names}
                      cardId={e.cardId ?? undefined}
                      card={e.cardId ? `“${name(e.cardId)}”` : undefined}
                    />
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>

        <section aria-labelledby="standup-wip" className="standup-panel">
          <h2 id="standup-wip">WIP limits over</h2>
          {standup.wipBreaches.length === 0 ? (
            <p className="muted">Every column and swimlane is within its WIP limit.</p>
          ) : (
            <ul className="standup-wip">
              {standup.wipBreaches.map((w) => (
                <li key={w.id}>
                  <span aria-hidden="true">▲ </span>
                  {w.name} ({w.scope}): {w.count} cards, limit {w.limit} — over limit
                </li>
              ))}
            </ul>
          )}
          <Burndown sprintId={standup.activeSprintId} />
        </section>
      </div>
    </>
  );
}

function BlockedCard({
  card,
  teamId,
  owners,
  tag,
}: {
  card: Standup['blocked'][number];
  teamId: string;
  owners: string;
  tag: string | null;
}) {
  const can = useTeamAbility(teamId);
  const escalate = useEscalate(teamId);
  return (
    <>
      {tag && <span className="mine-tag">{tag}</span>}
      <Link to={`/teams/${teamId}/board/cards/${card.cardId}`} className="standup-title">
        {card.title}
      </Link>
      <span className="standup-age">
        <span aria-hidden="true">⊘ </span>Blocked {card.blockedDays === 0 ? 'less than a day' : days(card.blockedDays)}
        {card.category ? ` · ${blockerCategoryLabels[card.category]}` : ''}
      </span>
      {card.reason && <span>{card.reason}</span>}
      <span className="muted">
        Column: {card.columnName} · owners: {owners}
      </span>
      {card.escalatedAt ? (
        <span className="escalated">
          <span aria-hidden="true">⚑ </span>Escalated to the PMO {when(card.escalatedAt)}
          {card.pmo?.state === 'handling' && ` · being handled by ${card.pmo.handler?.name ?? 'the PMO'}`}
          {card.pmo?.state === 'cleared' && ` · cleared by ${card.pmo.handler?.name ?? 'the PMO'}`}
        </span>
      ) : (
        can('work') && (
          <button
            type="button"
            className="escalate"
            disabled={escalate.isPending}
            onClick={() => escalate.mutate({ cardId: card.cardId, escalated: true })}
          >
            Escalate to the PMO
          </button>
        )
      )}
      {card.pmo?.note && <span className="standup-pmo-note">PMO: “{card.pmo.note}”</span>}
      {escalate.isError && (
        <span role="alert" className="field-error">
          Could not escalate: {escalate.error.message}
        </span>
      )}
    </>
  );
}

function WindowPicker({
  standup,
  range,
  onRange,
}: {
  standup: Standup;
  range: StandupWindow;
  onRange: (w: StandupWindow) => void;
}) {
  const [since, setSince] = useState(toLocalInput(standup.since));
  const [until, setUntil] = useState(toLocalInput(standup.until));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = new Date(since);
    const to = new Date(until);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return setError('Pick both a start and an end.');
    if (from >= to) return setError('The start must be before the end.');
    setError(null);
    onRange({ since: from.toISOString(), until: to.toISOString() });
  };
  return (
    <form className="standup-picker" onSubmit={submit} aria-label="Window">
      <label>
        From <input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
      </label>
      <label>
        To <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
      </label>
      <button type="submit">Show</button>
      {(range.since || range.until) && (
        <button type="button" onClick={() => onRange({})}>
          Since the last stand-up
        </button>
      )}
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </form>
  );
}

function Burndown({ sprintId }: { sprintId: string | null }) {
  const chart = useBurndown(sprintId);
  if (!sprintId) return <p className="muted">No sprint is running.</p>;
  return (
    <QueryState query={chart} loading="Loading the burndown…" failed="The burndown could not be loaded">
      {(c) => <SmallBurndown chart={c} />}
    </QueryState>
  );
}
