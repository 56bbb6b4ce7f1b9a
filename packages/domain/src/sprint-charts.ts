// Burndown, burnup and velocity, computed from cards' timelines (their history), never from today's state.

import type { CardTimeline, Interval } from './card-timeline';
import { dayEnd, dayStart, localDay, workingDays } from './local-days';

export interface SprintWindow {
  sprintId: string;
  /** First and last calendar day of the sprint (`YYYY-MM-DD`), both included. */
  startDay: string;
  endDay: string;
  /** When the sprint was started (the commitment is read at that instant); null: at the start of its first day. */
  startedAt: number | null;
  /** When it was closed, if it was: the chart stops there, early or not. */
  closedAt: number | null;
  /** The team's IANA time zone: days begin and end there. */
  timeZone: string;
  /** The present: days that have not begun have no actual values yet. */
  now: number;
}

export interface BurnDay {
  date: string;
  /** The ideal remaining points at the end of the day: a straight line from the commitment to zero. */
  ideal: number;
  /** Points in the sprint (done or not); null for days still to come. */
  scope: number | null;
  completed: number | null;
  remaining: number | null;
}

export interface ScopeChange {
  cardId: string;
  points: number;
  at: number;
  change: 'added' | 'removed';
}

export interface BurnSeries {
  committed: number;
  days: BurnDay[];
  scopeChanges: ScopeChange[];
}

const within = (i: Interval, t: number) => i.from <= t && (i.to === null || t < i.to);

/** What one card counts for in a sprint at an instant: nothing when it is not in the sprint or archived. */
export function cardPointsAt(
  timeline: CardTimeline,
  sprintId: string,
  t: number,
): { points: number; done: boolean } | null {
  if (!timeline.sprints.some((s) => s.sprintId === sprintId && within(s, t))) return null;
  if (timeline.archived.some((a) => within(a, t))) return null;
  const estimate = timeline.estimates.find((e) => within(e, t));
  const column = timeline.columns.find((c) => within(c, t));
  return { points: estimate?.points ?? 0, done: column?.flowCategory === 'DONE' };
}

/** The sprint's scope and completed points at an instant. */
export function sprintTotalsAt(timelines: readonly CardTimeline[], sprintId: string, t: number) {
  let scope = 0;
  let completed = 0;
  for (const timeline of timelines) {
    const p = cardPointsAt(timeline, sprintId, t);
    if (!p) continue;
    scope += p.points;
    if (p.done) completed += p.points;
  }
  return { scope, completed };
}

export function commitmentInstant(w: SprintWindow): number {
  return w.startedAt ?? dayStart(w.startDay, w.timeZone);
}

/**
 * Burndown and burnup in one series: for each working day of the sprint (weekends left out, their changes landing
 * on the next working day), the scope, completed and remaining points at the end of that day in the team's time
 * zone, beside the ideal line. The latest day shown is read at the present (or at closing). Cards added or removed after the start are listed as scope changes.
 */
export function burnSeries(timelines: readonly CardTimeline[], w: SprintWindow): BurnSeries {
  const start = commitmentInstant(w);
  const stop = Math.min(w.closedAt ?? Infinity, w.now);
  const committed = sprintTotalsAt(timelines, w.sprintId, start).scope;
  const days = workingDays(w.startDay, w.endDay);
  const lastShown = w.closedAt === null ? null : localDay(w.closedAt, w.timeZone);
  const shown = (date: string) => dayStart(date, w.timeZone) <= stop && (lastShown === null || date <= lastShown);
  const latest = days.filter(shown).at(-1);
  const series = days.map((date, i): BurnDay => {
    const ideal = Math.round(committed * (1 - (i + 1) / days.length) * 100) / 100;
    if (!shown(date)) return { date, ideal, scope: null, completed: null, remaining: null };
    // The latest day shown is read now (or at closing), so changes made over a weekend show before Monday.
    // A closed sprint is read just before closing, as closing takes unfinished cards out of it.
    const endOfDate = date === latest ? stop : Math.min(dayEnd(date, w.timeZone), stop);
    // Days before a late start show what was committed at the start, not an empty sprint.
    const read = Math.max(endOfDate, Math.min(start, stop));
    const at = w.closedAt !== null && read >= w.closedAt ? w.closedAt - 1 : read;
    const { scope, completed } = sprintTotalsAt(timelines, w.sprintId, at);
    return { date, ideal, scope, completed, remaining: scope - completed };
  });
  return { committed, days: series, scopeChanges: scopeChanges(timelines, w, start, stop) };
}

function scopeChanges(timelines: readonly CardTimeline[], w: SprintWindow, start: number, stop: number): ScopeChange[] {
  const changes: ScopeChange[] = [];
  for (const timeline of timelines) {
    for (const s of timeline.sprints) {
      if (s.sprintId !== w.sprintId) continue;
      if (s.from > start && s.from < stop)
        changes.push({
          cardId: timeline.cardId,
          points: cardPointsAt(timeline, w.sprintId, s.from)?.points ?? 0,
          at: s.from,
          change: 'added',
        });
      // Closing the sprint takes unfinished cards out of it: that is carrying over, not a change of scope.
      if (s.to !== null && s.to > start && s.to < stop && s.to !== w.closedAt) {
        changes.push({
          cardId: timeline.cardId,
          points: cardPointsAt(timeline, w.sprintId, s.to - 1)?.points ?? 0,
          at: s.to,
          change: 'removed',
        });
      }
    }
  }
  return changes.sort((a, b) => a.at - b.at);
}

export interface SprintOutcome {
  sprintId: string;
  /** Points in the sprint when it started. */
  committed: number;
  /** Points done when it closed (or now, for one still running). */
  completed: number;
}

export function sprintOutcome(timelines: readonly CardTimeline[], w: SprintWindow): SprintOutcome {
  const end = Math.min(w.closedAt ?? Infinity, w.now) - 1;
  return {
    sprintId: w.sprintId,
    committed: sprintTotalsAt(timelines, w.sprintId, commitmentInstant(w)).scope,
    completed: sprintTotalsAt(timelines, w.sprintId, end).completed,
  };
}

/** The average completed points of the last three sprints given (oldest first); null when there are none. */
export function averageOfLastThree(outcomes: readonly { completed: number }[]): number | null {
  const last = outcomes.slice(-3);
  if (!last.length) return null;
  return Math.round((last.reduce((sum, o) => sum + o.completed, 0) / last.length) * 10) / 10;
}
