import { addDays, dayStart, weekStart } from '@amb/domain/local-days';
import type { BlockerCategory } from '@amb/shared/activity';
import type { TimeToClear } from '@amb/shared/obstacle-reports';
import type { PortfolioQuery } from '@amb/shared/portfolio';
import type { ServiceContext } from '../context';
import { periodBounds, utcParam } from '../portfolio/period';
import { visibleTeams } from '../portfolio/visible-teams';

/**
 * How long obstacles took to clear, per week they were cleared in (local Mondays), per blocker category and per
 * team: the median by nearest rank (`percentile_disc`, as `percentile` in packages/domain). An obstacle runs from
 * the entry that blocked the card to the one that unblocked it (`card_blocks` keeps both on the stretch that ended
 * it); one archived while blocked was never cleared. The same rule as `clearedObstacles` in packages/domain.
 */
export async function getTimeToClear({ db, actor }: ServiceContext, query: PortfolioQuery): Promise<TimeToClear> {
  const teams = await visibleTeams(db, actor, query.teams);
  const period = periodBounds(query);
  // The local Mondays the period touches, and the one after: `width_bucket` puts each clearing in its week by binary
  // search, cheaper than converting every row's time zone.
  const weeks: string[] = [];
  for (let week = weekStart(query.from); week <= query.to; week = addDays(week, 7)) weeks.push(week);
  const bounds = [...weeks, addDays(weeks.at(-1)!, 7)].map((d) =>
    new Date(dayStart(d, query.tz)).toISOString().slice(0, 23).replace('T', ' '),
  );
  const rows = await db.$queryRawUnsafe<
    {
      by_team: boolean;
      week: number;
      team_id: string | null;
      category: string | null;
      cleared: number;
      median_hours: number;
    }[]
  >(
    `WITH cleared AS (
       SELECT team_id, category, width_bucket(ended_at, $4::timestamptz[]) AS week,
         EXTRACT(EPOCH FROM ended_at - obstacle_started_at) / 3600 AS hours
       FROM card_blocks
       WHERE cleared AND team_id = ANY($1::text[]) AND ended_at >= ${utcParam('$2')} AND ended_at < ${utcParam('$3')})
     SELECT GROUPING(category) = 1 AS by_team, week, team_id, category, COUNT(*)::int AS cleared,
       (percentile_disc(0.5) WITHIN GROUP (ORDER BY hours))::float8 AS median_hours
     FROM cleared GROUP BY GROUPING SETS ((week, category), (week, team_id)) ORDER BY week, team_id, category`,
    teams.map((t) => t.id),
    period.from,
    period.to,
    bounds,
  );
  const weekOf = (bucket: number) => weeks[bucket - 1]!;
  const hours = (h: number) => Math.round(h * 100) / 100;
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    teams,
    byCategory: rows
      .filter((r) => !r.by_team)
      .map((r) => ({
        week: weekOf(r.week),
        category: r.category as BlockerCategory | null,
        cleared: r.cleared,
        medianHours: hours(r.median_hours),
      })),
    byTeam: rows
      .filter((r) => r.by_team)
      .map((r) => ({
        week: weekOf(r.week),
        teamId: r.team_id!,
        cleared: r.cleared,
        medianHours: hours(r.median_hours),
      })),
  };
}
