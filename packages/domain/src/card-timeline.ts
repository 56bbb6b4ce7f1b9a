// A card's history folded into intervals: where it was, whether it was blocked, which sprint held it and what
// it was estimated at, at every moment. Sprint charts, the stand-up view and the PMO's flow metrics read these
// instead of today's state of the card. Times are epoch milliseconds; an open interval has `to: null`.

import type { FlowCategory } from './flow-categories';

export type { FlowCategory } from './flow-categories';

export interface Interval {
  from: number;
  to: number | null;
}

export interface ColumnInterval extends Interval {
  columnId: string;
  flowCategory: FlowCategory;
  swimlaneId: string | null;
}

export interface BlockedInterval extends Interval {
  reason: string | null;
  category: string | null;
}

export interface SprintInterval extends Interval {
  sprintId: string;
}

export interface EstimateInterval extends Interval {
  points: number | null;
}

export interface CardTimeline {
  cardId: string;
  /** When the card was created, or null when the window starts after its creation and no entry says. */
  createdAt: number | null;
  /** In time order, without gaps while the card is on the board; archived time is not covered. */
  columns: ColumnInterval[];
  blocked: BlockedInterval[];
  sprints: SprintInterval[];
  estimates: EstimateInterval[];
  /** Time spent archived (off the board). */
  archived: Interval[];
}
