import { isOrgWide } from '@amb/domain/access';
import { addDays } from '@amb/domain/local-days';
import type { CumulativeFlow, CumulativeFlowQuery } from '@amb/shared/portfolio';
import type { ServiceContext } from '../context';
import { dayBoundaries } from './period';
import { listStages } from './stages/list-stages';
import { visibleTeams } from './visible-teams';

/**
 * The cumulative flow diagram of one team or of every team the person can see, by the PMO's portfolio stages. Each
 * card counts once per stage, at the first time it reached that stage or a later one (card_stage_flow).
 *
 * The count at each local midnight is read in two parts (decision 38): whole UTC days before the nearest UTC
 * midnight from the daily rollup (stage_day_flow, a few hundred rows per team), then the cards that arrived
 * between that UTC midnight and the local one, added or taken off one by one (at most twelve hours of arrivals).
 */
export async function getCumulativeFlow({ db, actor }: ServiceContext, query: CumulativeFlowQuery): Promise<CumulativeFlow> {
  const orgWide = isOrgWide(actor.orgRole) && !query.teamId;
  const teams = orgWide ? null : await visibleTeams(db, actor, query.teamId ? [query.teamId] : undefined);
  // The end of each day of the period: every local midnight after its first.
  const ends = dayBoundaries(query.from, query.to, query.tz).slice(1);
  const teamFilter = (alias: string) => (teams ? `AND ${alias}.team_id = ANY($2::text[])` : '');
  const [stages, rows] = await Promise.all([
    listStages(db),
    db.$queryRawUnsafe<{ i: number; stage_id: string; cards: number }[]>(
      `WITH ends AS (
         SELECT i::int AS i, t, date_trunc('day', t + interval '12 hours') AS m FROM unnest($1::timestamp[]) WITH ORDINALITY AS e(t, i)
       ), daily AS (
         SELECT d.stage_id, d.day, SUM(SUM(d.arrivals)) OVER (PARTITION BY d.stage_id ORDER BY d.day) AS total
         FROM stage_day_flow d WHERE d.day < (SELECT MAX(m) FROM ends)::date ${teamFilter('d')}
         GROUP BY d.stage_id, d.day
       ), whole AS (
         SELECT ends.i, daily.stage_id, MAX(daily.total) AS cards FROM ends JOIN daily ON daily.day < ends.m::date GROUP BY 1, 2
       ), part AS (
         SELECT ends.i, f.stage_id, SUM(CASE WHEN f.reached_at < ends.t THEN 1 ELSE -1 END) AS cards
         FROM ends JOIN card_stage_flow f ON f.reached_at >= LEAST(ends.t, ends.m) AND f.reached_at < GREATEST(ends.t, ends.m) ${teamFilter('f')}
         GROUP BY 1, 2
       )
       SELECT i, stage_id, SUM(cards)::int AS cards FROM (SELECT * FROM whole UNION ALL SELECT * FROM part) x GROUP BY 1, 2`,
      ...[ends, ...(teams ? [teams.map((t) => t.id)] : [])],
    ),
  ]);
  const counts = new Map(rows.map((r) => [`${r.i}|${r.stage_id}`, r.cards]));
  const days = ends.map((_, k) => ({
    day: addDays(query.from, k),
    counts: Object.fromEntries(stages.map((s) => [s.id, counts.get(`${k + 1}|${s.id}`) ?? 0])),
  }));
  return { from: query.from, to: query.to, tz: query.tz, teamId: query.teamId ?? null, stages, days };
}
