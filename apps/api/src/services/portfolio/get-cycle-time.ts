import { percentile } from '@amb/domain/flow-metrics';
import type { CycleTime, PeriodQuery } from '@amb/shared/portfolio';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { localDateSql, periodBounds, utcParam } from './period';

/** The cycle-time scatter: each card the team finished in the period, its finishing day and calendar days taken. */
export async function getCycleTime(
  { db, actor }: ServiceContext,
  teamId: string,
  query: PeriodQuery,
): Promise<CycleTime> {
  await requireTeamAccess(db, actor, teamId, 'view');
  const period = periodBounds(query);
  const points = await db.$queryRawUnsafe<{ cardId: string; title: string; finishedOn: string; days: number }[]>(
    `SELECT f.card_id AS "cardId", COALESCE(c.title, '') AS title, ${localDateSql('f.done_at', '$4')}::text AS "finishedOn",
       (${localDateSql('f.done_at', '$4')} - ${localDateSql('LEAST(f.in_progress_at, f.done_at)', '$4')}) + 1 AS days
     FROM card_flow f LEFT JOIN cards c ON c.id = f.card_id
     WHERE f.team_id = $1 AND f.done_at >= ${utcParam('$2')} AND f.done_at < ${utcParam('$3')}
     ORDER BY f.done_at, f.card_id`,
    teamId,
    period.from,
    period.to,
    query.tz,
  );
  const days = points.map((p) => p.days);
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    points,
    p50: percentile(days, 50),
    p85: percentile(days, 85),
    p95: percentile(days, 95),
  };
}
