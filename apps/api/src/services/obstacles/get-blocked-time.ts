import { activityKinds, type BlockerCategory } from '@amb/shared/activity';
import type { BlockedTime } from '@amb/shared/obstacle-reports';
import type { PortfolioQuery } from '@amb/shared/portfolio';
import type { ServiceContext } from '../context';
import { periodBounds, utcParam } from '../portfolio/period';
import { visibleTeams } from '../portfolio/visible-teams';
import { blockingEntriesSql } from './blocking-entries';

/**
 * Card-hours blocked per team and blocker category within the period, from the activity log: each block clipped to
 * the period's edges, a new reason or category while blocked ending one stretch and starting the next (so one
 * card's overlapping blocks count once), a block still open counted up to now. Same rule as `blockedTime` in
 * packages/domain.
 */
export async function getBlockedTime({ db, actor }: ServiceContext, query: PortfolioQuery): Promise<BlockedTime> {
  const teams = await visibleTeams(db, actor, query.teams);
  const period = periodBounds(query);
  const now = new Date().toISOString();
  const end = `LEAST(COALESCE(next_at, ${utcParam('$4')}), ${utcParam('$3')}, ${utcParam('$4')})`;
  const start = `GREATEST(at, ${utcParam('$2')})`;
  const rows = await db.$queryRawUnsafe<{ team_id: string; category: string | null; hours: number; cards: number }[]>(
    `WITH e AS (${blockingEntriesSql(utcParam('$3'))})
     SELECT team_id, blocked_category AS category, (SUM(EXTRACT(EPOCH FROM ${end} - ${start})) / 3600)::float8 AS hours, COUNT(DISTINCT card_id)::int AS cards
     FROM e WHERE kind = '${activityKinds.cardBlocked}' AND ${end} > ${start}
     GROUP BY team_id, blocked_category ORDER BY hours DESC`,
    teams.map((t) => t.id),
    period.from,
    period.to,
    now,
  );
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    teams,
    rows: rows.map((r) => ({ teamId: r.team_id, category: r.category as BlockerCategory | null, hours: Math.round(r.hours * 100) / 100, cards: r.cards })),
  };
}
