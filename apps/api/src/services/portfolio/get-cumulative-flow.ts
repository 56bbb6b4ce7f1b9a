import { isOrgWide } from '@amb/domain/access';
import { accumulateArrivals, portfolioStages } from '@amb/domain/flow-metrics';
import type { FlowCategory } from '@amb/domain/card-timeline';
import type { CumulativeFlow, CumulativeFlowQuery } from '@amb/shared/portfolio';
import type { ServiceContext } from '../context';
import { dayBoundaries, periodBounds, utcParam } from './period';
import { visibleTeams } from './visible-teams';

/**
 * The cumulative flow diagram of one team or of every team the person can see. Each card counts once per stage,
 * at the first time it reached that stage or a later one (card_flow); the database counts those arrivals per local
 * day, and they are added up here.
 */
export async function getCumulativeFlow({ db, actor }: ServiceContext, query: CumulativeFlowQuery): Promise<CumulativeFlow> {
  const orgWide = isOrgWide(actor.orgRole) && !query.teamId;
  const teams = orgWide ? null : await visibleTeams(db, actor, query.teamId ? [query.teamId] : undefined);
  const period = periodBounds(query);
  const bounds = dayBoundaries(query.from, query.to, query.tz);
  // Bucket 0: before the period; bucket i: its i-th day. The PMO's whole-organisation view needs no team filter.
  const rows = await db.$queryRawUnsafe<{ stage: FlowCategory; bucket: number; arrivals: number }[]>(
    `SELECT v.stage, width_bucket(v.at, $1::timestamp[]) AS bucket, COUNT(*)::int AS arrivals
     FROM card_flow f
     CROSS JOIN LATERAL (VALUES
       ('BACKLOG', f.first_seen_at),
       ('TODO', LEAST(f.todo_at, f.in_progress_at, f.done_at)),
       ('IN_PROGRESS', LEAST(f.in_progress_at, f.done_at)),
       ('DONE', f.done_at)) AS v(stage, at)
     WHERE v.at < ${utcParam('$2')} ${teams ? 'AND f.team_id = ANY($3::text[])' : ''}
     GROUP BY 1, 2`,
    ...[bounds, period.to, ...(teams ? [teams.map((t) => t.id)] : [])],
  );
  const before = Object.fromEntries(portfolioStages.map((s) => [s, 0])) as Record<FlowCategory, number>;
  for (const r of rows) if (r.bucket === 0) before[r.stage] += r.arrivals;
  const daily = rows.filter((r) => r.bucket > 0 && r.bucket <= period.days.length).map((r) => ({ stage: r.stage, day: period.days[r.bucket - 1]!, arrivals: r.arrivals }));
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    teamId: query.teamId ?? null,
    stages: [...portfolioStages],
    days: accumulateArrivals(before, daily, period.days).map((d) => ({ day: d.day, ...d.counts })),
  };
}
