import { accumulateArrivals, portfolioStages } from '@amb/domain/flow-metrics';
import type { FlowCategory } from '@amb/domain/card-timeline';
import type { CumulativeFlow, CumulativeFlowQuery } from '@amb/shared/portfolio';
import type { ServiceContext } from '../context';
import { localDateSql, periodBounds, utcParam } from './period';
import { visibleTeams } from './visible-teams';

/**
 * The cumulative flow diagram of one team or of every team the person can see. Each card counts once per stage,
 * at the first time it reached that stage or a later one (card_flow); the database groups those arrivals by day.
 */
export async function getCumulativeFlow({ db, actor }: ServiceContext, query: CumulativeFlowQuery): Promise<CumulativeFlow> {
  const teams = await visibleTeams(db, actor, query.teamId ? [query.teamId] : undefined);
  const period = periodBounds(query);
  const rows = await db.$queryRawUnsafe<{ stage: FlowCategory; day: string | null; arrivals: number }[]>(
    `SELECT v.stage, CASE WHEN v.at < ${utcParam('$2')} THEN NULL ELSE ${localDateSql('v.at', '$4')}::text END AS day, COUNT(*)::int AS arrivals
     FROM card_flow f
     CROSS JOIN LATERAL (VALUES
       ('BACKLOG', LEAST(f.backlog_at, f.todo_at, f.in_progress_at, f.done_at)),
       ('TODO', LEAST(f.todo_at, f.in_progress_at, f.done_at)),
       ('IN_PROGRESS', LEAST(f.in_progress_at, f.done_at)),
       ('DONE', f.done_at)) AS v(stage, at)
     WHERE f.team_id = ANY($1::text[]) AND v.at < ${utcParam('$3')}
     GROUP BY 1, 2`,
    teams.map((t) => t.id),
    period.from,
    period.to,
    query.tz,
  );
  const before = Object.fromEntries(portfolioStages.map((s) => [s, 0])) as Record<FlowCategory, number>;
  for (const r of rows) if (r.day === null) before[r.stage] += r.arrivals;
  const daily = rows.filter((r): r is typeof r & { day: string } => r.day !== null);
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    teamId: query.teamId ?? null,
    stages: [...portfolioStages],
    days: accumulateArrivals(before, daily, period.days).map((d) => ({ day: d.day, ...d.counts })),
  };
}
