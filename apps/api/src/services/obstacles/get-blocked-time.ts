import type { BlockerCategory } from '@amb/shared/activity';
import type { BlockedTime } from '@amb/shared/obstacle-reports';
import type { PortfolioQuery } from '@amb/shared/portfolio';
import type { ServiceContext } from '../context';
import { periodBounds, utcParam } from '../portfolio/period';
import { visibleTeams } from '../portfolio/visible-teams';

/**
 * Card-hours blocked per team and blocker category within the period, from the stretches the log keeps in
 * `card_blocks`: each clipped to the period's edges, a stretch still open counted up to now. A new reason or
 * category while blocked ends one stretch and starts the next, so one card's overlapping blocks count once. The
 * same rule as `blockedTime` in packages/domain.
 */
export async function getBlockedTime({ db, actor }: ServiceContext, query: PortfolioQuery): Promise<BlockedTime> {
  const teams = await visibleTeams(db, actor, query.teams);
  const period = periodBounds(query);
  const end = `LEAST(COALESCE(ended_at, ${utcParam('$4')}), ${utcParam('$3')}, ${utcParam('$4')})`;
  const start = `GREATEST(started_at, ${utcParam('$2')})`;
  const rows = await db.$queryRawUnsafe<{ team_id: string; category: string | null; hours: number; cards: number }[]>(
    `SELECT team_id, category, (SUM(EXTRACT(EPOCH FROM ${end} - ${start})) / 3600)::float8 AS hours, COUNT(DISTINCT card_id)::int AS cards
     FROM card_blocks
     WHERE team_id = ANY($1::text[]) AND started_at < ${utcParam('$3')} AND (ended_at IS NULL OR ended_at > ${utcParam('$2')}) AND ${end} > ${start}
     GROUP BY team_id, category ORDER BY hours DESC`,
    teams.map((t) => t.id),
    period.from,
    period.to,
    new Date().toISOString(),
  );
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    teams,
    rows: rows.map((r) => ({
      teamId: r.team_id,
      category: r.category as BlockerCategory | null,
      hours: Math.round(r.hours * 100) / 100,
      cards: r.cards,
    })),
  };
}
