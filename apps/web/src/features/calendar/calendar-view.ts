// What the calendar shows, kept in the address so a view can be reloaded and shared: the view, the day it is
// about, the colouring and the filters (the board's own keys for owner, label, principle and blocked).
import { addDays, isCalendarDay, monthGrid, weekOf, type CalendarDay } from '@amb/domain/calendar';
import type { CalendarCard } from '@amb/shared/calendar';
import { withParams } from '../../lib/url-params';

export const views = ['month', 'week', 'agenda'] as const;
export type CalendarViewName = (typeof views)[number];
export const colourings = ['label', 'owner', 'principle'] as const;
export type Colouring = (typeof colourings)[number];

export interface CalendarFilters {
  owner: string;
  label: string;
  principle: string;
  blocked: boolean;
  /** A sprint's id: only the cards in it. */
  sprint: string;
}

export interface CalendarView {
  view: CalendarViewName;
  /** The day the view is about: its month (month, agenda) or its week. */
  date: CalendarDay;
  colour: Colouring;
  filters: CalendarFilters;
}

/** A phone shows the agenda unless the address asks for another view. */
export function readView(params: URLSearchParams, today: CalendarDay, narrow: boolean): CalendarView {
  const view = params.get('view') as CalendarViewName | null;
  const colour = params.get('colour') as Colouring | null;
  const date = params.get('date') ?? '';
  return {
    view: view && views.includes(view) ? view : narrow ? 'agenda' : 'month',
    date: isCalendarDay(date) ? date : today,
    colour: colour && colourings.includes(colour) ? colour : 'label',
    filters: {
      owner: params.get('owner') ?? '',
      label: params.get('label') ?? '',
      principle: params.get('principle') ?? '',
      blocked: params.get('blocked') === '1',
      sprint: params.get('sprint') ?? '',
    },
  };
}

export function writeView(params: URLSearchParams, change: Partial<CalendarView>): URLSearchParams {
  const f = change.filters;
  return withParams(params, {
    ...(change.view ? { view: change.view } : {}),
    ...(change.date ? { date: change.date } : {}),
    ...(change.colour ? { colour: change.colour === 'label' ? '' : change.colour } : {}),
    ...(f
      ? {
          owner: f.owner,
          label: f.label,
          principle: f.principle,
          blocked: f.blocked ? '1' : '',
          sprint: f.sprint,
        }
      : {}),
  });
}

/** The days a view reads: a month view's whole weeks, the agenda's month, or one week. */
export function rangeOf(view: CalendarViewName, date: CalendarDay): { from: CalendarDay; to: CalendarDay } {
  if (view === 'week') {
    const week = weekOf(date);
    return { from: week[0]!, to: week[6]! };
  }
  if (view === 'month') {
    const grid = monthGrid(date);
    return { from: grid.first, to: grid.last };
  }
  const first = `${date.slice(0, 7)}-01`;
  return { from: first, to: addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1) };
}

/** The same view one month (or week) earlier or later. */
export function step(view: CalendarViewName, date: CalendarDay, by: 1 | -1): CalendarDay {
  if (view === 'week') return addDays(date, 7 * by);
  const first = `${date.slice(0, 7)}-01`;
  return by === 1 ? `${addDays(first, 31).slice(0, 7)}-01` : `${addDays(first, -1).slice(0, 7)}-01`;
}

export const filtering = (f: CalendarFilters) => Boolean(f.owner || f.label || f.principle || f.blocked || f.sprint);

export function matches(card: CalendarCard, f: CalendarFilters): boolean {
  if (f.owner && !card.owners.some((o) => o.id === f.owner)) return false;
  if (f.label && !card.labels.includes(f.label)) return false;
  if (f.principle && !card.principleIds.includes(f.principle)) return false;
  if (f.blocked && !card.blocked) return false;
  if (f.sprint && card.sprintId !== f.sprint) return false;
  return true;
}

/** What a card is coloured by: its first label, owner or principle (null: none, shown grey). */
export function colourKey(card: CalendarCard, by: Colouring): string | null {
  if (by === 'owner') return card.owners[0]?.id ?? null;
  if (by === 'principle') return card.principleIds[0] ?? null;
  return card.labels[0] ?? null;
}

/** Colours dark enough for white text and distinct side by side. */
const palette = ['#1d4ed8', '#047857', '#b45309', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#a21caf', '#9a3412'];

/**
 * The colours of a calendar's keys: in name order, so the same cards keep their colours while the view is filtered,
 * and no two keys share one until there are more keys than colours. No key is grey.
 */
export function colourTable(keys: (string | null)[]): (key: string | null) => string {
  const order = [...new Set(keys.filter((k): k is string => k !== null))].sort();
  const index = new Map(order.map((k, i) => [k, i]));
  return (key) => (key === null ? '#4b5563' : palette[(index.get(key) ?? 0) % palette.length]!);
}

/** The days of the range a card covers, clipped to the range. */
export function daysOfCard(card: CalendarCard, from: CalendarDay, to: CalendarDay): CalendarDay[] {
  const first = card.startDate ?? card.dueDate;
  const last = card.dueDate ?? card.startDate;
  if (!first || !last) return [];
  const days: CalendarDay[] = [];
  for (let d = first < from ? from : first; d <= last && d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const longMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const weekdayNames = weekdays;

/** "15 Dec". */
export const shortDay = (day: CalendarDay) => `${Number(day.slice(8, 10))} ${monthNames[Number(day.slice(5, 7)) - 1]}`;
/** "Tuesday 15 December". */
export function longDay(day: CalendarDay) {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return `${weekdays[weekday]} ${Number(day.slice(8, 10))} ${longMonths[Number(day.slice(5, 7)) - 1]}`;
}
/** "December 2026". */
export const monthTitle = (day: CalendarDay) => `${longMonths[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

/** Today where the person is (the calendar's days are the days people wrote on their cards). */
export function localToday(now = new Date()): CalendarDay {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Rows for the cards of one week, so a span stays on one row across its days: each card, from its first day in the
 * week, takes the first row free on all its days there (longer spans first).
 */
export function weekRows(week: CalendarDay[], cards: CalendarCard[]): Map<string, number> {
  const [first, last] = [week[0]!, week[week.length - 1]!];
  const placed = cards
    .map((card) => {
      const start = card.startDate ?? card.dueDate!;
      const end = card.dueDate ?? card.startDate!;
      return { card, from: start < first ? first : start, to: end > last ? last : end };
    })
    .sort((a, b) =>
      a.from !== b.from
        ? a.from < b.from
          ? -1
          : 1
        : a.to !== b.to
          ? a.to > b.to
            ? -1
            : 1
          : a.card.title.localeCompare(b.card.title),
    );
  const rowEnds: CalendarDay[] = [];
  const rows = new Map<string, number>();
  for (const { card, from, to } of placed) {
    let row = rowEnds.findIndex((end) => end < from);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = to;
    rows.set(card.id, row);
  }
  return rows;
}
