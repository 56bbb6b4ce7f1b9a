// Blocked time and time to clear, from the log's blocking entries (decision 27). The API computes the same figures
// in SQL over whole organisations; these are the definitions, and the tests hold the SQL to them.
import { percentile } from './flow-metrics';
import { localDay, weekStart, type LocalDay } from './local-days';

/**
 * An entry that starts or ends a block: `blocked` (also a new reason or category while blocked), `unblocked`,
 * `archived`, and `restored` (a card archived while blocked comes back blocked).
 */
export interface BlockingEvent {
  cardId: string;
  teamId: string;
  at: number;
  kind: 'blocked' | 'unblocked' | 'archived' | 'restored';
  /** The blocker category the entry names (for `blocked`: the new one; for `unblocked`: the one it had; else null). */
  category: string | null;
  /** The entry's place in the log, to order entries written at the same instant. */
  seq: number;
}

/** One stretch of a card's blocked time under one category; `end` null while it is still blocked. */
export interface BlockSpan {
  cardId: string;
  teamId: string;
  category: string | null;
  start: number;
  end: number | null;
}

function byCard(events: readonly BlockingEvent[]): Map<string, BlockingEvent[]> {
  const cards = new Map<string, BlockingEvent[]>();
  for (const e of events) {
    const list = cards.get(e.cardId);
    if (list) list.push(e);
    else cards.set(e.cardId, [e]);
  }
  for (const list of cards.values()) list.sort((a, b) => a.at - b.at || a.seq - b.seq);
  return cards;
}

/**
 * A card's blocked stretches. Each `blocked` entry starts one under its category, and it lasts until the card's next
 * blocking entry of any kind: a second `blocked` while blocked (a new reason or category) ends the first stretch
 * and starts the next, so overlapping blocks of one card count once and the time goes to the category it had then.
 * An archived card's block ends when it leaves the board; if it is restored still blocked, a stretch starts again
 * from the restore, under the category it had.
 */
export function blockSpans(events: readonly BlockingEvent[]): BlockSpan[] {
  const spans: BlockSpan[] = [];
  for (const list of byCard(events).values()) {
    // The card's block as the log has it so far (kept through an archive), or null when it is not blocked.
    let block: { category: string | null } | null = null;
    list.forEach((e, i) => {
      const span = (category: string | null) =>
        spans.push({ cardId: e.cardId, teamId: e.teamId, category, start: e.at, end: list[i + 1]?.at ?? null });
      if (e.kind === 'blocked') {
        block = { category: e.category };
        span(e.category);
      } else if (e.kind === 'unblocked') block = null;
      else if (e.kind === 'restored' && block) span(block.category);
    });
  }
  return spans;
}

export interface BlockedTime {
  teamId: string;
  category: string | null;
  /** Blocked time within the period, in milliseconds (card-time: two cards blocked for an hour are two hours). */
  ms: number;
  /** Cards blocked under this category at some time in the period. */
  cards: number;
}

/**
 * Blocked time per team and category within the period [from, to): each stretch clipped to the period's edges,
 * a stretch still open counted up to `now`.
 */
export function blockedTime(
  events: readonly BlockingEvent[],
  period: { from: number; to: number },
  now: number,
): BlockedTime[] {
  const totals = new Map<string, BlockedTime & { cardIds: Set<string> }>();
  for (const s of blockSpans(events)) {
    const start = Math.max(s.start, period.from);
    const end = Math.min(s.end ?? now, period.to, now);
    if (end <= start) continue;
    const key = `${s.teamId}\u0000${s.category ?? ''}`;
    const total = totals.get(key) ?? {
      teamId: s.teamId,
      category: s.category,
      ms: 0,
      cards: 0,
      cardIds: new Set<string>(),
    };
    total.ms += end - start;
    total.cardIds.add(s.cardId);
    totals.set(key, total);
  }
  return [...totals.values()].map(({ cardIds, ...t }) => ({ ...t, cards: cardIds.size }));
}

/** An obstacle from the moment the card became blocked to the moment it was unblocked. */
export interface ClearedObstacle {
  cardId: string;
  teamId: string;
  /** The category it had when it was cleared. */
  category: string | null;
  blockedAt: number;
  clearedAt: number;
}

/**
 * Obstacles that were cleared: from the `blocked` entry that blocked an unblocked card to the `unblocked` entry that
 * ended it (new reasons in between do not restart the clock). A card archived while blocked was not cleared then;
 * restored still blocked, its obstacle is timed again from the restore.
 */
export function clearedObstacles(events: readonly BlockingEvent[]): ClearedObstacle[] {
  const cleared: ClearedObstacle[] = [];
  for (const list of byCard(events).values()) {
    let since: number | null = null;
    let blocked = false;
    for (const e of list) {
      if (e.kind === 'blocked') {
        since ??= e.at;
        blocked = true;
      } else if (e.kind === 'restored') {
        if (blocked) since = e.at;
      } else {
        if (e.kind === 'unblocked' && since !== null)
          cleared.push({ cardId: e.cardId, teamId: e.teamId, category: e.category, blockedAt: since, clearedAt: e.at });
        since = null;
        if (e.kind === 'unblocked') blocked = false;
      }
    }
  }
  return cleared;
}

export interface TimeToClearWeek {
  /** The Monday of the week the obstacles were cleared in. */
  week: LocalDay;
  key: string | null;
  cleared: number;
  /** The median time to clear, in hours, by nearest rank (one of the obstacles' times). */
  medianHours: number;
}

/** Weekly median time to clear per group (a team, a category), for obstacles cleared within [from, to). */
export function timeToClearByWeek(
  obstacles: readonly ClearedObstacle[],
  groupBy: (o: ClearedObstacle) => string | null,
  period: { from: number; to: number },
  timeZone: string,
): TimeToClearWeek[] {
  const groups = new Map<string, { week: LocalDay; key: string | null; hours: number[] }>();
  for (const o of obstacles) {
    if (o.clearedAt < period.from || o.clearedAt >= period.to) continue;
    const week = weekStart(localDay(o.clearedAt, timeZone));
    const key = groupBy(o);
    const id = `${week}\u0000${key ?? ''}`;
    const group = groups.get(id) ?? { week, key, hours: [] };
    group.hours.push((o.clearedAt - o.blockedAt) / 3_600_000);
    groups.set(id, group);
  }
  return [...groups.values()]
    .map((g) => ({ week: g.week, key: g.key, cleared: g.hours.length, medianHours: percentile(g.hours, 50)! }))
    .sort((a, b) => a.week.localeCompare(b.week) || (a.key ?? '').localeCompare(b.key ?? ''));
}
