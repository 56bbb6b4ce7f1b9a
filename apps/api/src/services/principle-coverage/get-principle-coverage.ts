import { addDays, dayStart, localDay } from '@amb/domain/local-days';
import { bucketStarts, isNeglected, recentFrom } from '@amb/domain/principle-coverage';
import type { PrincipleCoverage, principleCoverageQuerySchema } from '@amb/shared/principle-coverage';
import type { z } from 'zod';
import { Prisma } from '../../db/prisma';
import type { ServiceContext } from '../context';
import { epochMsSql, periodBounds } from '../portfolio/period';
import { visibleTeams } from '../portfolio/visible-teams';

const utcTimestamp = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

/**
 * Cards finished and their points per team, principle and week or month; per principle, whether anyone worked on
 * it lately; experiments per team by result. Grouped in the database from the per-card flow rollup (decision 22)
 * and the cards' current principles and results.
 */
export async function getPrincipleCoverage({ db, actor }: ServiceContext, query: z.output<typeof principleCoverageQuerySchema>): Promise<PrincipleCoverage> {
  const teams = await visibleTeams(db, actor, query.teams);
  const teamIds = teams.map((t) => t.id);
  const period = periodBounds(query);
  const starts = bucketStarts(query.from, query.to, query.bucket);
  const bounds = [...starts, addDays(query.to, 1)].map((d) => utcTimestamp(dayStart(d, query.tz)));
  const recent = recentFrom(query.from, query.to);

  const utc = (iso: string) => Prisma.sql`(${iso}::timestamptz AT TIME ZONE 'UTC')`;
  const [from, to, recentStart] = [utc(period.from), utc(period.to), utc(new Date(dayStart(recent, query.tz)).toISOString())];
  const inPeriod = Prisma.sql`f.done_at >= ${from} AND f.done_at < ${to}`;
  const [principles, cells, lately, experiments] = await Promise.all([
    db.principle.findMany({ where: { archivedAt: null }, orderBy: { position: 'asc' }, select: { id: true, key: true, name: true } }),
    // Cards without a principle come out with principle_id null (the left join), so the untagged share shows.
    db.$queryRaw<{ team_id: string; principle_id: string | null; bucket: number; cards: number; points: number }[]>`
      SELECT f.team_id, cp.principle_id, width_bucket(f.done_at, ${bounds}::timestamp[]) AS bucket, COUNT(*)::int AS cards, COALESCE(SUM(c.estimate), 0)::int AS points
      FROM card_flow f JOIN cards c ON c.id = f.card_id LEFT JOIN card_principles cp ON cp.card_id = f.card_id
      WHERE f.team_id = ANY(${teamIds}::text[]) AND ${inPeriod}
      GROUP BY 1, 2, 3`,
    // Finishes come from the rollup alone; only cards started and not finished are looked up for their column now.
    db.$queryRaw<{ principle_id: string; finished_recently: number; in_progress_now: number; last_done: number | null }[]>`
      SELECT cp.principle_id,
        COUNT(*) FILTER (WHERE f.done_at >= ${recentStart} AND f.done_at < ${to})::int AS finished_recently,
        COUNT(*) FILTER (WHERE f.done_at IS NULL AND f.in_progress_at IS NOT NULL AND EXISTS (
          SELECT 1 FROM cards c JOIN columns col ON col.id = c.column_id WHERE c.id = cp.card_id AND c.archived_at IS NULL AND col.flow_category = 'IN_PROGRESS'))::int AS in_progress_now,
        MAX(${Prisma.raw(epochMsSql('f.done_at'))}) FILTER (WHERE f.done_at < ${to}) AS last_done
      FROM card_principles cp JOIN card_flow f ON f.card_id = cp.card_id
      WHERE f.team_id = ANY(${teamIds}::text[])
      GROUP BY cp.principle_id`,
    db.$queryRaw<{ team_id: string; validated: number; invalidated: number; inconclusive: number; no_result: number; running: number }[]>`
      SELECT f.team_id,
        COUNT(*) FILTER (WHERE ${inPeriod} AND c.experiment_result = 'VALIDATED')::int AS validated,
        COUNT(*) FILTER (WHERE ${inPeriod} AND c.experiment_result = 'INVALIDATED')::int AS invalidated,
        COUNT(*) FILTER (WHERE ${inPeriod} AND c.experiment_result = 'INCONCLUSIVE')::int AS inconclusive,
        COUNT(*) FILTER (WHERE ${inPeriod} AND c.experiment_result IS NULL)::int AS no_result,
        COUNT(*) FILTER (WHERE c.archived_at IS NULL AND col.flow_category <> 'DONE')::int AS running
      FROM cards c JOIN card_flow f ON f.card_id = c.id JOIN columns col ON col.id = c.column_id
      WHERE c.type = 'EXPERIMENT' AND f.team_id = ANY(${teamIds}::text[])
      GROUP BY f.team_id`,
  ]);

  const latelyOf = new Map(lately.map((r) => [r.principle_id, r]));
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    bucket: query.bucket,
    buckets: starts,
    principles,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    cells: cells.filter((r) => r.bucket >= 1 && r.bucket <= starts.length).map((r) => ({ teamId: r.team_id, principleId: r.principle_id, bucket: r.bucket - 1, cards: r.cards, points: r.points })),
    recent: {
      from: recent,
      principles: principles.map((p) => {
        const r = latelyOf.get(p.id);
        const counts = { finishedRecently: r?.finished_recently ?? 0, inProgressNow: r?.in_progress_now ?? 0 };
        return { principleId: p.id, ...counts, lastFinishedOn: r?.last_done == null ? null : localDay(r.last_done, query.tz), neglected: isNeglected(counts) };
      }),
    },
    experiments: experiments
      .filter((e) => e.validated + e.invalidated + e.inconclusive + e.no_result + e.running > 0)
      .map((e) => ({ teamId: e.team_id, validated: e.validated, invalidated: e.invalidated, inconclusive: e.inconclusive, noResult: e.no_result, running: e.running })),
  };
}
