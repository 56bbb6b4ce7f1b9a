import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { can } from '@amb/domain/access';
import { daysBetween, monthGrid, weekOf, type CalendarDay } from '@amb/domain/calendar';
import type { Calendar, CalendarCard, CalendarSprint } from '@amb/shared/calendar';
import { useAuthStore } from '../../app/auth-store';
import { useActivePrinciples } from '../../app/principles';
import { useTeams } from '../../app/teams';
import { ApiError } from '../../lib/api-client';
import { addCardOnDay, calendarKeys, calendarQuery } from './api';
import { calendarKeyboardCoordinates, dayCollision, type DayCardDrag, type DayDrop } from './calendar-keyboard';
import {
  colourings,
  colourKey,
  colourTable,
  daysOfCard,
  filtering,
  localToday,
  longDay,
  matches,
  monthTitle,
  rangeOf,
  readView,
  shortDay,
  step,
  views,
  weekdayNames,
  weekRows,
  writeView,
  type CalendarFilters,
  type CalendarView,
  type Colouring,
} from './calendar-view';
import { useCalendarEvents } from './use-calendar-events';
import { useCalendarMoves, type CalendarMessage } from './use-calendar-moves';
import './calendar.css';

const PHONE = '(max-width: 600px)';
const viewNames = { month: 'Month', week: 'Week', agenda: 'Agenda' } as const;
const colourNames = { label: 'Label', owner: 'Owner', principle: 'Principle' } as const;

/** An address naming no team the person can read: a 404, or a team id that is not an id at all. */
const isUnknownTeam = (error: Error) =>
  error instanceof ApiError &&
  (error.status === 404 || (error.status === 400 && error.fields.some((f) => f.field.startsWith('params'))));

/** The team's marketing calendar (`/teams/:teamId/calendar`), or "My calendar" (`/calendar`). */
export function CalendarPage() {
  const { teamId = null } = useParams();
  const [params, setParams] = useSearchParams();
  const today = localToday();
  const [narrow] = useState(() => typeof window !== 'undefined' && window.matchMedia?.(PHONE).matches);
  const view = readView(params, today, narrow);
  const { from, to } = rangeOf(view.view, view.date);
  const query = useQuery(calendarQuery(teamId, from, to));
  const change = (next: Partial<CalendarView>) => setParams(writeView(params, next), { replace: true });
  const teams = useTeams();
  const teamName = teamId ? (teams?.find((t) => t.id === teamId)?.name ?? query.data?.teamName) : null;
  const title = teamId ? `Calendar${teamName ? ` · ${teamName}` : ''}` : 'My calendar';
  useEffect(() => {
    document.title = `${title} · Agile Marketing Board`;
  }, [title]);

  return (
    <div className="calendar">
      <header className="calendar-head">
        <h1>{title}</h1>
        <p className="muted calendar-intro">
          {teamId
            ? 'The team’s cards on the days they are due; a card with a start date spans its days.'
            : 'The cards you own, on every team you can read.'}
        </p>
      </header>
      <CalendarToolbar view={view} today={today} onChange={change} data={query.data} />
      {query.data === undefined ? (
        query.isError ? (
          <div role="alert" className="query-error">
            <p>
              {teamId && isUnknownTeam(query.error)
                ? 'This team does not exist or you cannot see it.'
                : `The calendar could not be loaded: ${query.error.message}`}
            </p>
            <button type="button" onClick={() => void query.refetch()}>
              Try again
            </button>
          </div>
        ) : (
          <p role="status" className="query-loading muted">
            Loading the calendar…
          </p>
        )
      ) : (
        <CalendarBody calendar={query.data} view={view} today={today} teamId={teamId} />
      )}
    </div>
  );
}

function CalendarToolbar({
  view,
  today,
  onChange,
  data,
}: {
  view: CalendarView;
  today: CalendarDay;
  onChange: (next: Partial<CalendarView>) => void;
  data: Calendar | undefined;
}) {
  const principles = useActivePrinciples();
  const heading = view.view === 'week' ? `Week of ${longDay(weekOf(view.date)[0]!)}` : monthTitle(view.date);
  const unit = view.view === 'week' ? 'week' : 'month';
  const cards = data?.cards ?? [];
  const owners = uniqueBy(
    cards.flatMap((c) => c.owners),
    (o) => o.id,
  ).sort((a, b) => a.name.localeCompare(b.name));
  const labels = [...new Set(cards.flatMap((c) => c.labels))].sort();
  const f = view.filters;
  const setFilter = (next: Partial<CalendarFilters>) => onChange({ filters: { ...f, ...next } });
  return (
    <div className="calendar-toolbar">
      <div className="calendar-nav">
        <button
          type="button"
          aria-label={`Previous ${unit}`}
          onClick={() => onChange({ date: step(view.view, view.date, -1) })}
        >
          <span aria-hidden="true">‹</span>
          <span className="wide" aria-hidden="true">
            {' '}
            Previous {unit}
          </span>
        </button>
        <button type="button" onClick={() => onChange({ date: today })}>
          Today
        </button>
        <button
          type="button"
          aria-label={`Next ${unit}`}
          onClick={() => onChange({ date: step(view.view, view.date, 1) })}
        >
          <span className="wide" aria-hidden="true">
            Next {unit}{' '}
          </span>
          <span aria-hidden="true">›</span>
        </button>
        <h2 className="calendar-period" aria-live="polite">
          {heading}
        </h2>
      </div>
      <div className="calendar-choices">
        <div role="group" aria-label="View" className="calendar-views">
          {views.map((v) => (
            <button key={v} type="button" aria-pressed={view.view === v} onClick={() => onChange({ view: v })}>
              {viewNames[v]}
            </button>
          ))}
        </div>
        <label>
          Colour by{' '}
          <select value={view.colour} onChange={(e) => onChange({ colour: e.target.value as Colouring })}>
            {colourings.map((c) => (
              <option key={c} value={c}>
                {colourNames[c]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <details className="calendar-filters" open={filtering(f) || undefined}>
        <summary>Filters{filtering(f) ? ' (on)' : ''}</summary>
        <div className="calendar-filter-fields">
          <label>
            Owner{' '}
            <select value={f.owner} onChange={(e) => setFilter({ owner: e.target.value })}>
              <option value="">Anyone</option>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Label{' '}
            <select value={f.label} onChange={(e) => setFilter({ label: e.target.value })}>
              <option value="">Any</option>
              {labels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          <label>
            Principle{' '}
            <select value={f.principle} onChange={(e) => setFilter({ principle: e.target.value })}>
              <option value="">Any</option>
              {principles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sprint{' '}
            <select value={f.sprint} onChange={(e) => setFilter({ sprint: e.target.value })}>
              <option value="">Any</option>
              {(data?.sprints ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="calendar-check">
            <input type="checkbox" checked={f.blocked} onChange={(e) => setFilter({ blocked: e.target.checked })} />{' '}
            Blocked only
          </label>
          {filtering(f) && (
            <button
              type="button"
              onClick={() => onChange({ filters: { owner: '', label: '', principle: '', blocked: false, sprint: '' } })}
            >
              Clear filters
            </button>
          )}
        </div>
      </details>
    </div>
  );
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

interface DayMarks {
  starts: CalendarSprint[];
  ends: CalendarSprint[];
}

function CalendarBody({
  calendar,
  view,
  today,
  teamId,
}: {
  calendar: Calendar;
  view: CalendarView;
  today: CalendarDay;
  teamId: string | null;
}) {
  const me = useAuthStore((s) => s.me);
  const teams = useTeams();
  const navigate = useNavigate();
  const principles = useActivePrinciples();
  const rangeKey = calendarKeys.range(teamId, calendar.from, calendar.to);
  const { moveBy, message, setMessage, pending } = useCalendarMoves(teamId, rangeKey);
  useCalendarEvents(teamId, calendar.boards);

  const cards = useMemo(() => calendar.cards.filter((c) => matches(c, view.filters)), [calendar.cards, view.filters]);
  const byDay = useMemo(() => {
    const map = new Map<CalendarDay, CalendarCard[]>();
    for (const card of cards)
      for (const day of daysOfCard(card, calendar.from, calendar.to)) map.set(day, [...(map.get(day) ?? []), card]);
    return map;
  }, [cards, calendar.from, calendar.to]);
  const marks = useMemo(() => {
    const map = new Map<CalendarDay, DayMarks>();
    const at = (day: CalendarDay) => map.get(day) ?? (map.set(day, { starts: [], ends: [] }), map.get(day)!);
    for (const s of calendar.sprints) {
      at(s.startDate).starts.push(s);
      at(s.endDate).ends.push(s);
    }
    return map;
  }, [calendar.sprints]);

  const roleOn = (id: string) => teams?.find((t) => t.id === id)?.myRole ?? null;
  const canMove = (card: CalendarCard) =>
    Boolean(me) && can({ orgRole: me!.user.orgRole, teamRole: roleOn(card.teamId) }, 'work');
  const board = calendar.boards[0];
  const canAdd =
    Boolean(teamId && board?.firstColumnId && me) &&
    can({ orgRole: me!.user.orgRole, teamRole: roleOn(teamId!) }, 'work');

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of principles) map.set(p.id, p.name);
    for (const c of calendar.cards) for (const o of c.owners) map.set(o.id, o.name);
    return map;
  }, [principles, calendar.cards]);
  const colourOf = useMemo(
    () => colourTable(calendar.cards.map((c) => colourKey(c, view.colour))),
    [calendar.cards, view.colour],
  );
  const keyName = (key: string) => (view.colour === 'label' ? key : (names.get(key) ?? 'Unknown'));

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: calendarKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );
  const cardOf = (id: string | number) => calendar.cards.find((c) => c.id === (String(id).split('|')[0] ?? ''));
  const dayOf = (data: unknown) => (data as DayDrop | undefined)?.day;
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up card ${cardOf(active.id)?.title ?? ''}. Arrow keys move it a day, up and down a week; Space drops it; Escape cancels.`,
    onDragOver: ({ active, over }) =>
      over
        ? `Card ${cardOf(active.id)?.title ?? ''} is over ${longDay(dayOf(over.data.current)!)}`
        : `Card ${cardOf(active.id)?.title ?? ''} is not over a day`,
    onDragEnd: ({ active, over }) =>
      over
        ? `Card ${cardOf(active.id)?.title ?? ''} was dropped on ${longDay(dayOf(over.data.current)!)}`
        : `Card ${cardOf(active.id)?.title ?? ''} was put back`,
    onDragCancel: ({ active }) => `Moving card ${cardOf(active.id)?.title ?? ''} was cancelled; it was put back`,
  };
  const onDragEnd = (e: DragEndEvent) => {
    const drag = e.active.data.current as DayCardDrag | undefined;
    const target = dayOf(e.over?.data.current);
    const card = drag && cardOf(drag.cardId);
    if (!drag || !target || !card) return;
    void moveBy(card, daysBetween(drag.day, target));
  };

  const open = (card: CalendarCard) => navigate(`/teams/${card.teamId}/board/cards/${card.id}`);
  const [adding, setAdding] = useState<CalendarDay | null>(null);
  const client = useQueryClient();
  const add = async (day: CalendarDay, title: string) => {
    try {
      await addCardOnDay(board!.firstColumnId!, title, day);
      setMessage({
        text: `Added “${title}”, due ${shortDay(day)}, to ${board!.firstColumnName ?? 'the board'}`,
        error: false,
      });
      setAdding(null);
      void client.invalidateQueries({ queryKey: calendarKeys.of(teamId) });
      return true;
    } catch (error) {
      setMessage({
        text: `“${title}” was not added: ${error instanceof ApiError ? error.message : 'try again.'}`,
        error: true,
      });
      return false;
    }
  };

  const unit = view.view === 'week' ? 'this week' : 'this month';
  const empty = cards.length === 0;
  const keysShown = [...new Set(cards.map((c) => colourKey(c, view.colour)))];

  const dayProps = (day: CalendarDay) => ({
    day,
    cards: byDay.get(day) ?? [],
    marks: marks.get(day),
    today: day === today,
    colour: view.colour,
    colourOf,
    showTeam: !teamId,
    canMove,
    onOpen: open,
    pending,
    adding: adding === day,
    canAdd,
    onStartAdd: () => setAdding(day),
    onCancelAdd: () => setAdding(null),
    onAdd: (title: string) => add(day, title),
    inMonth: view.view !== 'month' || day.slice(0, 7) === view.date.slice(0, 7),
  });

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={dayCollision}
      onDragEnd={onDragEnd}
      accessibility={{ announcements }}
    >
      <MoveMessage message={message} onClose={() => setMessage(null)} />
      {empty && (
        <p className="calendar-empty" role="status">
          {filtering(view.filters)
            ? `No cards with dates ${unit} match the filters.`
            : `No cards with dates ${unit} — give a card a due date in its panel`}
        </p>
      )}
      {keysShown.length > 0 && (
        <ul className="calendar-legend" aria-label={`Colours: by ${colourNames[view.colour].toLowerCase()}`}>
          {keysShown.map((key) => (
            <li key={key ?? 'none'}>
              <span className="calendar-swatch" style={{ background: colourOf(key) }} aria-hidden="true" />
              {key ? keyName(key) : `No ${colourNames[view.colour].toLowerCase()}`}
            </li>
          ))}
        </ul>
      )}
      {view.view === 'agenda' ? (
        <AgendaList
          from={calendar.from}
          to={calendar.to}
          today={today}
          byDay={byDay}
          marks={marks}
          dayProps={dayProps}
        />
      ) : (
        <MonthGrid
          weeks={view.view === 'week' ? [weekOf(view.date)] : monthGrid(view.date).weeks}
          tall={view.view === 'week'}
          byDay={byDay}
          dayProps={dayProps}
        />
      )}
      {!teamId && <p className="muted calendar-foot">To add a card on a day, open a team’s calendar.</p>}
    </DndContext>
  );
}

function MoveMessage({ message, onClose }: { message: CalendarMessage | null; onClose: () => void }) {
  return (
    <div className={`calendar-message${message?.error ? ' error' : ''}`} role="status" aria-live="polite">
      {message && (
        <>
          <span>{message.text}</span>
          {message.undo && (
            <button type="button" onClick={message.undo}>
              Undo
            </button>
          )}
          <button type="button" className="calendar-message-close" aria-label="Dismiss the message" onClick={onClose}>
            ×
          </button>
        </>
      )}
    </div>
  );
}

/** What each day of a view is given. */
interface DayProps {
  day: CalendarDay;
  cards: CalendarCard[];
  marks: DayMarks | undefined;
  today: boolean;
  colour: Colouring;
  colourOf: (key: string | null) => string;
  showTeam: boolean;
  canMove: (card: CalendarCard) => boolean;
  onOpen: (card: CalendarCard) => void;
  pending: string | null;
  adding: boolean;
  canAdd: boolean;
  onStartAdd: () => void;
  onCancelAdd: () => void;
  onAdd: (title: string) => Promise<boolean>;
  inMonth: boolean;
}

function MonthGrid({
  weeks,
  tall,
  byDay,
  dayProps,
}: {
  weeks: CalendarDay[][];
  tall: boolean;
  byDay: Map<CalendarDay, CalendarCard[]>;
  dayProps: (day: CalendarDay) => DayProps;
}) {
  return (
    <div className={`calendar-grid${tall ? ' tall' : ''}`}>
      <div className="calendar-weekdays" aria-hidden="true">
        {weekdayNames.map((name) => (
          <span key={name}>
            <span className="long">{name}</span>
            <span className="short">{name.slice(0, 3)}</span>
          </span>
        ))}
      </div>
      {weeks.map((week) => {
        const rows = weekRows(week, [...new Set(week.flatMap((day) => byDay.get(day) ?? []))]);
        return (
          <div className="calendar-week" key={week[0]}>
            {week.map((day) => (
              <DayCell key={day} {...dayProps(day)} rows={rows} layout="grid" />
            ))}
          </div>
        );
      })}
    </div>
  );
}

function AgendaList({
  from,
  to,
  today,
  byDay,
  marks,
  dayProps,
}: {
  from: CalendarDay;
  to: CalendarDay;
  today: CalendarDay;
  byDay: Map<CalendarDay, CalendarCard[]>;
  marks: Map<CalendarDay, DayMarks>;
  dayProps: (day: CalendarDay) => DayProps;
}) {
  // Days with cards, today and sprint boundaries, in order.
  const days = [...new Set([...byDay.keys(), ...marks.keys(), ...(today >= from && today <= to ? [today] : [])])]
    .filter((d) => d >= from && d <= to)
    .sort();
  if (days.length === 0) return null;
  return (
    <div className="calendar-agenda">
      {days.map((day) => (
        <DayCell key={day} {...dayProps(day)} layout="agenda" />
      ))}
    </div>
  );
}

function DayCell(props: DayProps & { layout: 'grid' | 'agenda'; rows?: Map<string, number> }) {
  const { day, cards, marks, today, layout, canAdd, adding, onStartAdd, inMonth } = props;
  const { setNodeRef, isOver } = useDroppable({ id: `day:${day}`, data: { day } satisfies DayDrop });
  const label = `${longDay(day)}${today ? ', today' : ''}`;
  return (
    <section
      ref={setNodeRef}
      aria-label={label}
      aria-current={today ? 'date' : undefined}
      className={`calendar-day ${layout}${today ? ' today' : ''}${isOver ? ' over' : ''}${inMonth ? '' : ' other-month'}`}
      onClick={(e) => {
        // An empty part of the day adds a card due that day.
        if (canAdd && !adding && (e.target as HTMLElement).closest('.calendar-card, button, form, a') === null)
          onStartAdd();
      }}
    >
      <div className="calendar-day-head">
        {layout === 'agenda' ? (
          <h3>{longDay(day)}</h3>
        ) : (
          <span className="calendar-date" aria-hidden="true">
            {Number(day.slice(8, 10))}
            {day.endsWith('-01') ? ` ${shortDay(day).split(' ')[1]}` : ''}
          </span>
        )}
        {today && <span className="calendar-today-tag">Today</span>}
        {canAdd && (
          <button
            type="button"
            className="calendar-add"
            aria-label={`Add a card due ${longDay(day)}`}
            title={`Add a card due ${shortDay(day)}`}
            onClick={onStartAdd}
          >
            +
          </button>
        )}
      </div>
      {marks && layout === 'agenda' && <SprintMarks marks={marks} />}
      {cards.length > 0 && (
        <ul className="calendar-cards">
          {inRows(cards, props.rows).map((card, i) =>
            card ? (
              <li key={card.id}>
                <CalendarChip card={card} {...props} />
              </li>
            ) : (
              <li key={`gap-${i}`} className="calendar-gap" aria-hidden="true" />
            ),
          )}
        </ul>
      )}
      {marks && layout === 'grid' && <SprintMarks marks={marks} />}
      {adding && <AddOnDay day={day} onAdd={props.onAdd} onCancel={props.onCancelAdd} />}
    </section>
  );
}

/** A day's cards on their week's rows, with gaps where a row is taken by nothing that day. */
function inRows(cards: CalendarCard[], rows: Map<string, number> | undefined): (CalendarCard | null)[] {
  if (!rows) return cards;
  const out: (CalendarCard | null)[] = [];
  for (const card of cards) out[rows.get(card.id) ?? out.length] = card;
  return Array.from(out, (card) => card ?? null);
}

function SprintMarks({ marks }: { marks: DayMarks }) {
  return (
    <ul className="calendar-sprints">
      {marks.starts.map((s) => (
        <li key={`s-${s.id}`} className="starts">
          <span aria-hidden="true">▶ </span>
          <span>{s.name} starts</span>
        </li>
      ))}
      {marks.ends.map((s) => (
        <li key={`e-${s.id}`} className="ends">
          <span>{s.name} ends</span>
          <span aria-hidden="true"> ◀</span>
        </li>
      ))}
    </ul>
  );
}

function spanOf(card: CalendarCard): string {
  if (!card.startDate || !card.dueDate || card.startDate === card.dueDate) {
    return card.dueDate ? `due ${shortDay(card.dueDate)}` : `from ${shortDay(card.startDate!)}`;
  }
  return `${shortDay(card.startDate)} to ${shortDay(card.dueDate)}`;
}

function CalendarChip({
  card,
  day,
  layout,
  colour,
  colourOf,
  showTeam,
  canMove,
  onOpen,
  pending,
}: DayProps & { card: CalendarCard; layout: 'grid' | 'agenda' }) {
  const movable = canMove(card);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: `${card.id}|${day}`,
    data: { cardId: card.id, day } satisfies DayCardDrag,
    disabled: !movable,
  });
  const first = card.startDate ?? card.dueDate;
  const last = card.dueDate ?? card.startDate;
  const continues = first !== null && first < day;
  const goesOn = last !== null && last > day;
  const owners = card.owners.map((o) => o.name).join(', ');
  const details: ReactNode[] = [
    spanOf(card),
    card.columnName,
    ...(owners ? [owners] : []),
    ...(showTeam ? [card.teamName] : []),
  ];
  return (
    <div
      ref={setNodeRef}
      className={`calendar-card${continues ? ' continues' : ''}${goesOn ? ' goes-on' : ''}${isDragging ? ' dragging' : ''}${pending === card.id ? ' pending' : ''}${card.flowCategory === 'DONE' ? ' done' : ''}`}
      style={{
        background: colourOf(colourKey(card, colour)),
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
      }}
      {...attributes}
      {...listeners}
      aria-roledescription={movable ? 'draggable card' : 'card'}
      aria-label={`${card.title}, ${spanOf(card)}${card.blocked ? ', blocked' : ''}`}
      title={`${card.title} (${details.join(' · ')})`}
      data-card-id={card.id}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.defaultPrevented) {
          e.preventDefault();
          onOpen(card);
          return;
        }
        listeners?.onKeyDown?.(e);
      }}
      onClick={() => onOpen(card)}
    >
      {card.blocked && (
        <span className="calendar-blocked" aria-hidden="true">
          ⊘{' '}
        </span>
      )}
      <span className="calendar-card-title">{card.title}</span>
      {layout === 'agenda' && <span className="calendar-card-details">{details.join(' · ')}</span>}
    </div>
  );
}

function AddOnDay({
  day,
  onAdd,
  onCancel,
}: {
  day: CalendarDay;
  onAdd: (title: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="calendar-add-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim() || busy) return;
        setBusy(true);
        void onAdd(title.trim()).then(() => setBusy(false));
      }}
    >
      <input
        ref={input}
        aria-label={`Title of the new card due ${longDay(day)}`}
        placeholder="Card title, then Enter"
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" disabled={busy || !title.trim()}>
        Add
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
