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
 * it lately; experiments per team by result. Grouped in the database from the per-card flow rollup (decision 22),
 * which keeps each card's estimate and principles now (decision 30), and, for experiments, the cards' results.
 */
export async function getPrincipleCoverage(
  { db, actor }: ServiceContext,
  query: z.output<typeof principleCoverageQuerySchema>,
): Promise<PrincipleCoverage> {
  const teams = await visibleTeams(db, actor, query.teams);
  const teamIds = teams.map((t) => t.id);
  const period = periodBounds(query);
  const starts = bucketStarts(query.from, query.to, query.bucket);
  const bounds = [...starts, addDays(query.to, 1)].map((d) => utcTimestamp(dayStart(d, query.tz)));
  const recent = recentFrom(query.from, query.to);

  const utc = (iso: string) => Prisma.sql`${iso}::timestamptz`;
  const [from, to, recentStart] = [
    utc(period.from),
    utc(period.to),
    utc(new Date(dayStart(recent, query.tz)).toISOString()),
  ];
  const inPeriod = Prisma.sql`f.done_at >= ${from} AND f.done_at < ${to}`;
  const [principles, cells, lately, doing, experiments] = await Promise.all([
    db.principle.findMany({
      where: { archivedAt: null },
      orderBy: { position: 'asc' },
      select: { id: true, key: true, name: true },
    }),
    // Grouped first by the cards' sets of principles (a handful), then spread over each principle: a card tagged
    // with two counts under both. A card without a principle comes out with principle_id null (the left join),
    // so the untagged share shows.
    db.$queryRaw<{ team_id: string; principle_id: string | null; bucket: number; cards: number; points: number }[]>`
      SELECT g.team_id, cp.principle_id, g.bucket, SUM(g.cards)::int AS cards, SUM(g.points)::int AS points
      FROM (
        SELECT f.team_id, f.principle_ids, width_bucket(f.done_at, ${bounds}::timestamptz[]) AS bucket, COUNT(*) AS cards, COALESCE(SUM(f.estimate), 0) AS points
        FROM card_flow f
        WHERE f.team_id = ANY(${teamIds}::text[]) AND ${inPeriod}
        GROUP BY 1, 2, 3
      ) g LEFT JOIN LATERAL unnest(g.principle_ids) AS cp(principle_id) ON true
      GROUP BY 1, 2, 3`,
    // Finishes come from the rollup alone, grouped the same way.
    db.$queryRaw<{ principle_id: string; finished_recently: number; last_done: number | null }[]>`
      SELECT cp.principle_id, SUM(g.finished_recently)::int AS finished_recently, MAX(g.last_done) AS last_done
      FROM (
        SELECT f.principle_ids,
          COUNT(*) FILTER (WHERE f.done_at >= ${recentStart} AND f.done_at < ${to}) AS finished_recently,
          MAX(${Prisma.raw(epochMsSql('f.done_at'))}) FILTER (WHERE f.done_at < ${to}) AS last_done
        FROM card_flow f
        WHERE f.team_id = ANY(${teamIds}::text[]) AND f.principle_ids <> '{}'
        GROUP BY f.principle_ids
      ) g CROSS JOIN LATERAL unnest(g.principle_ids) AS cp(principle_id)
      GROUP BY cp.principle_id`,
    // Cards started and not finished that are in an in-progress column now.
    db.$queryRaw<{ principle_id: string; in_progress_now: number }[]>`
      SELECT cp.principle_id, COUNT(*)::int AS in_progress_now
      FROM columns col JOIN cards c ON c.column_id = col.id JOIN card_flow f ON f.card_id = c.id CROSS JOIN LATERAL unnest(f.principle_ids) AS cp(principle_id)
      WHERE col.flow_category = 'IN_PROGRESS' AND c.archived_at IS NULL AND f.done_at IS NULL AND f.in_progress_at IS NOT NULL AND f.team_id = ANY(${teamIds}::text[])
      GROUP BY cp.principle_id`,
    db.$queryRaw<
      {
        team_id: string;
        validated: number;
        invalidated: number;
        inconclusive: number;
        no_result: number;
        running: number;
      }[]
    >`
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
  const doingOf = new Map(doing.map((r) => [r.principle_id, r.in_progress_now]));
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    bucket: query.bucket,
    buckets: starts,
    principles,
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    cells: cells
      .filter((r) => r.bucket >= 1 && r.bucket <= starts.length)
      .map((r) => ({
        teamId: r.team_id,
        principleId: r.principle_id,
        bucket: r.bucket - 1,
        cards: r.cards,
        points: r.points,
      })),
    recent: {
      from: recent,
      principles: principles.map((p) => {
        const r = latelyOf.get(p.id);
        const counts = { finishedRecently: r?.finished_recently ?? 0, inProgressNow: doingOf.get(p.id) ?? 0 };
        return {
          principleId: p.id,
          ...counts,
          lastFinishedOn: r?.last_done == null ? null : localDay(r.last_done, query.tz),
          neglected: isNeglected(counts),
        };
      }),
    },
    experiments: experiments
      .filter((e) => e.validated + e.invalidated + e.inconclusive + e.no_result + e.running > 0)
      .map((e) => ({
        teamId: e.team_id,
        validated: e.validated,
        invalidated: e.invalidated,
        inconclusive: e.inconclusive,
        noResult: e.no_result,
        running: e.running,
      })),
  };
}
