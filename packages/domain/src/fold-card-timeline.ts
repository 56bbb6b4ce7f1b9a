// Folding activity entries into card timelines (the types are in card-timeline.ts). Sprint charts, the stand-up
// view and the PMO's flow metrics read cards through these, never through today's state of the card.
import type {
  BlockedInterval,
  CardTimeline,
  ColumnInterval,
  EstimateInterval,
  FlowCategory,
  Interval,
  SprintInterval,
} from './card-timeline';

/**
 * One activity entry, as a plain row: what SQL returns from the `activity` table can be passed straight in.
 * `at` is a Date, an ISO string or epoch milliseconds; `from` and `to` are the entry's JSON payload.
 * Entries of kinds the fold does not use (comments, title edits, ...) are ignored.
 */
export interface TimelineEntry {
  cardId?: string | null;
  kind: string;
  at: Date | string | number;
  from?: unknown;
  to?: unknown;
}

/** The period the entries cover. Entries after `end` are ignored; state from before `start` is inferred. */
export interface TimelineWindow {
  /** Where intervals begin whose start lies before the entries (a card created before the window). */
  start?: number;
  end?: number;
}

/**
 * The activity kinds the fold reads. They are written out here so the rules do not depend on the contracts package
 * (which depends on the rules); a test in that package checks each against the activity log's own list.
 */
export const timelineKinds = {
  cardCreated: 'card.created',
  cardMoved: 'card.moved',
  cardArchived: 'card.archived',
  cardRestored: 'card.restored',
  cardBlocked: 'card.blocked',
  cardUnblocked: 'card.unblocked',
  cardSprintChanged: 'card.sprint.changed',
  cardEstimateChanged: 'card.estimate.changed',
} as const;

type Place = { columnId: string; swimlaneId: string | null; flowCategory: FlowCategory };

/**
 * A card's state now, for a fold over the card's whole life: a part of the state that no entry changed has held
 * this value since the window's start (the card's creation).
 */
export interface CardNow {
  place: Place;
  archived: boolean;
  sprintId: string | null;
  points: number | null;
}
type Blocker = { reason: string | null; category: string | null };

const time = (at: TimelineEntry['at']) => (typeof at === 'number' ? at : new Date(at).getTime());
const object = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
const place = (value: unknown): Place | null => {
  const v = object(value);
  return typeof v.columnId === 'string'
    ? {
        columnId: v.columnId,
        swimlaneId: (v.swimlaneId as string | null) ?? null,
        flowCategory: v.flowCategory as FlowCategory,
      }
    : null;
};
const blocker = (value: unknown): Blocker => {
  const v = object(value);
  return { reason: (v.reason as string | null) ?? null, category: (v.category as string | null) ?? null };
};

/** Keeps one open interval of a kind: `open` closes the current one (if any) and starts the next. */
function track<T extends Interval>(list: T[]) {
  const current = () => (list.at(-1)?.to === null ? list.at(-1)! : null);
  return {
    current,
    close(at: number) {
      const c = current();
      if (c) c.to = at;
    },
    open(at: number, value: Omit<T, 'from' | 'to'>) {
      this.close(at);
      list.push({ ...value, from: at, to: null } as T);
    },
    /** For state that held before the first entry seen: an interval from the window's start to `at`. */
    before(start: number, at: number, value: Omit<T, 'from' | 'to'>) {
      list.push({ ...value, from: Math.min(start, at), to: at } as T);
    },
  };
}

/**
 * Folds one card's entries into its timeline: where it was (column, flow category, swimlane), when it was blocked
 * and why, which sprint held it, what it was estimated at, and when it was archived. Entries may come in any
 * order (they are sorted by time, ties kept in the order given). When the first entry is not the card's creation,
 * what it changed *from* is taken to have held since the window's start (or since that entry, without a window).
 */
export function foldCardTimeline(
  cardId: string,
  entries: readonly TimelineEntry[],
  window: TimelineWindow = {},
  now?: CardNow,
): CardTimeline {
  const sorted = entries
    .map((e, i) => ({ e, i, at: time(e.at) }))
    .filter((x) => window.end === undefined || x.at <= window.end)
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const timeline: CardTimeline = {
    cardId,
    createdAt: null,
    columns: [],
    blocked: [],
    sprints: [],
    estimates: [],
    archived: [],
  };
  const start = window.start ?? sorted[0]?.at ?? 0;
  const columns = track<ColumnInterval>(timeline.columns);
  const blocked = track<BlockedInterval>(timeline.blocked);
  const sprints = track<SprintInterval>(timeline.sprints);
  const estimates = track<EstimateInterval>(timeline.estimates);
  const archived = track<Interval>(timeline.archived);
  // Whether anything is known yet of each part of the card's state, so the first change can say what came before.
  const known = { place: false, blocked: false, sprint: false, estimate: false };

  for (const { e, at } of sorted) {
    switch (e.kind) {
      case timelineKinds.cardCreated: {
        timeline.createdAt = at;
        const to = place(e.to);
        if (to) columns.open(at, to);
        estimates.open(at, { points: null });
        Object.assign(known, { place: true, blocked: true, sprint: true, estimate: true });
        break;
      }
      case timelineKinds.cardMoved: {
        const from = place(e.from);
        const to = place(e.to);
        if (!known.place && from) columns.before(start, at, from);
        if (to) columns.open(at, to);
        known.place = true;
        break;
      }
      case timelineKinds.cardArchived: {
        const from = place(e.from);
        if (!known.place && from) columns.before(start, at, from);
        columns.close(at);
        archived.open(at, {});
        known.place = true;
        break;
      }
      case timelineKinds.cardRestored: {
        if (!known.place) archived.before(start, at, {});
        archived.close(at);
        const to = place(e.to);
        if (to) columns.open(at, to);
        known.place = true;
        break;
      }
      case timelineKinds.cardBlocked:
        blocked.open(at, blocker(e.to));
        known.blocked = true;
        break;
      case timelineKinds.cardUnblocked:
        if (!known.blocked) blocked.before(start, at, blocker(e.from));
        blocked.close(at);
        known.blocked = true;
        break;
      case timelineKinds.cardSprintChanged: {
        const from = object(e.from).sprintId as string | null | undefined;
        const to = object(e.to).sprintId as string | null | undefined;
        if (!known.sprint && from) sprints.before(start, at, { sprintId: from });
        sprints.close(at);
        if (to) sprints.open(at, { sprintId: to });
        known.sprint = true;
        break;
      }
      case timelineKinds.cardEstimateChanged: {
        const from = (object(e.from).points as number | null | undefined) ?? null;
        if (!known.estimate) estimates.before(start, at, { points: from });
        estimates.open(at, { points: (object(e.to).points as number | null | undefined) ?? null });
        known.estimate = true;
        break;
      }
    }
  }
  if (now) {
    if (!known.place) {
      if (now.archived) archived.open(start, {});
      else columns.open(start, now.place);
    }
    if (!known.sprint && now.sprintId) sprints.open(start, { sprintId: now.sprintId });
    if (!known.estimate) estimates.open(start, { points: now.points });
  }
  return timeline;
}

/** Folds the entries of many cards at once (as one query over a team or a sprint returns them), by card id. */
export function foldCardTimelines(
  entries: readonly TimelineEntry[],
  window: TimelineWindow = {},
): Map<string, CardTimeline> {
  const byCard = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    if (!e.cardId) continue;
    let list = byCard.get(e.cardId);
    if (!list) byCard.set(e.cardId, (list = []));
    list.push(e);
  }
  return new Map([...byCard].map(([cardId, list]) => [cardId, foldCardTimeline(cardId, list, window)]));
}

const holds = (i: Interval, t: number) => i.from <= t && (i.to === null || t < i.to);

/** A card's state at one moment, read from its timeline: null parts were unknown or did not hold then. */
export function cardStateAt(timeline: CardTimeline, t: number) {
  const column = timeline.columns.find((i) => holds(i, t)) ?? null;
  const blocked = timeline.blocked.find((i) => holds(i, t)) ?? null;
  return {
    column: column && { columnId: column.columnId, flowCategory: column.flowCategory, swimlaneId: column.swimlaneId },
    archived: timeline.archived.some((i) => holds(i, t)),
    blocked: blocked && { reason: blocked.reason, category: blocked.category },
    sprintId: timeline.sprints.find((i) => holds(i, t))?.sprintId ?? null,
    points: timeline.estimates.find((i) => holds(i, t))?.points ?? null,
  };
}

/** The first moment the card entered a flow category (cycle time starts at IN_PROGRESS, ends at DONE), or null. */
export function firstEntered(timeline: CardTimeline, category: FlowCategory): number | null {
  return timeline.columns.find((i) => i.flowCategory === category)?.from ?? null;
}
