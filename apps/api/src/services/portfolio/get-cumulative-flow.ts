import { isOrgWide } from '@amb/domain/access';
import { addDays } from '@amb/domain/local-days';
import type { CumulativeFlow, CumulativeFlowQuery } from '@amb/shared/portfolio';
import type { ServiceContext } from '../context';
import { dayBoundaries } from './period';
import { listStages } from './stages/list-stages';
import { visibleTeams } from './visible-teams';

const DAY = 86_400_000;

/**
 * The cumulative flow diagram of one team or of every team the person can see, by the PMO's portfolio stages. Each
 * card counts once per stage, at the first time it reached that stage or a later one (card_stage_flow).
 *
 * The count at each local midnight is read in two parts (decision 38): whole UTC days before the nearest UTC
 * midnight from the daily rollup (stage_day_flow, a few hundred rows per team), then the cards that arrived
 * between that UTC midnight and the local one, added or taken off one by one (at most twelve hours of arrivals).
 */
export async function getCumulativeFlow(
  { db, actor }: ServiceContext,
  query: CumulativeFlowQuery,
): Promise<CumulativeFlow> {
  const orgWide = isOrgWide(actor.orgRole) && !query.teamId;
  const teams = orgWide ? null : await visibleTeams(db, actor, query.teamId ? [query.teamId] : undefined);
  // The end of each day of the period: every local midnight after its first.
  const ends = dayBoundaries(query.from, query.to, query.tz).slice(1);
  // The UTC midnight nearest each end: whole days before it come from the daily rollup, the hours between it and
  // the local midnight card by card.
  const nearest = ends.map((e) => new Date(Math.round(Date.parse(e) / DAY) * DAY).toISOString().slice(0, 10));
  const teamFilter = (alias: string, param: string) => (teams ? `AND ${alias}.team_id = ANY(${param}::text[])` : '');
  const teamParam = teams ? [teams.map((t) => t.id)] : [];
  const [stages, daily, part] = await Promise.all([
    listStages(db),
    db.$queryRawUnsafe<{ stage_id: string; day: string; cards: number }[]>(
      `SELECT d.stage_id, d.day::text AS day, SUM(d.arrivals)::int AS cards FROM stage_day_flow d
       WHERE d.day < $1::date ${teamFilter('d', '$2')} GROUP BY 1, 2 ORDER BY 2`,
      nearest[nearest.length - 1],
      ...teamParam,
    ),
    db.$queryRawUnsafe<{ i: number; stage_id: string; cards: number }[]>(
      `SELECT e.i::int AS i, f.stage_id, SUM(CASE WHEN f.reached_at < e.t THEN 1 ELSE -1 END)::int AS cards
       FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS e(t, m, i)
       JOIN card_stage_flow f ON f.reached_at >= LEAST(e.t, e.m) AND f.reached_at < GREATEST(e.t, e.m) ${teamFilter('f', '$3')}
       GROUP BY 1, 2`,
      ends,
      nearest.map((day) => `${day}T00:00:00Z`),
      ...teamParam,
    ),
  ]);
  const counts = new Map(part.map((r) => [`${r.i - 1}|${r.stage_id}`, r.cards]));
  const running = new Map(stages.map((s) => [s.id, 0]));
  let next = 0;
  const days = ends.map((_, k) => {
    for (; next < daily.length && daily[next]!.day < nearest[k]!; next++)
      running.set(daily[next]!.stage_id, (running.get(daily[next]!.stage_id) ?? 0) + daily[next]!.cards);
    return {
      day: addDays(query.from, k),
      counts: Object.fromEntries(stages.map((s) => [s.id, running.get(s.id)! + (counts.get(`${k}|${s.id}`) ?? 0)])),
    };
  });
  return { from: query.from, to: query.to, tz: query.tz, teamId: query.teamId ?? null, stages, days };
}
