import { breachSummary, percentileOfCounts } from '@amb/domain/flow-metrics';
import { addDays } from '@amb/domain/local-days';
import { isOverLimit, isWorkUnderWay } from '@amb/domain/wip';
import type { PortfolioOverview, PortfolioQuery } from '@amb/shared/portfolio';
import type { ServiceContext } from '../context';
import { activeSprintProgress } from './active-sprint-progress';
import { dayBoundaries, epochMsSql, localDateSql, periodBounds, utcParam } from './period';
import { visibleTeams } from './visible-teams';

const DAY = 86_400_000;
/** How far before the period local day numbers reach; cards started earlier have their days counted by converting. */
const LOOKBACK_DAYS = 400;

/**
 * One row per team for the period: WIP against limits now, breaches and hours over limits, obstacles, throughput,
 * cycle and lead time, the active sprint and principle coverage. A handful of grouped queries for all teams at once.
 */
export async function getPortfolioOverview(
  { db, actor }: ServiceContext,
  query: PortfolioQuery,
): Promise<PortfolioOverview> {
  const teams = await visibleTeams(db, actor, query.teams);
  const teamIds = teams.map((t) => t.id);
  const period = periodBounds(query);
  const now = Date.now();
  const boards = await db.board.findMany({
    where: { teamId: { in: teamIds }, archivedAt: null },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      teamId: true,
      columns: { orderBy: { position: 'asc' }, select: { id: true, name: true, flowCategory: true, wipLimit: true } },
    },
  });
  const boardOf = new Map<string, (typeof boards)[number]>();
  for (const b of boards) if (!boardOf.has(b.teamId)) boardOf.set(b.teamId, b);
  const boardIds = [...boardOf.values()].map((b) => b.id);

  const [columnStats, flow, breaches, sprints] = await Promise.all([
    db.$queryRawUnsafe<
      { column_id: string; cards: number; blocked: number; oldest_blocked: number | null; tagged: number }[]
    >(
      `SELECT c.column_id, COUNT(*)::int AS cards, COUNT(*) FILTER (WHERE c.blocked)::int AS blocked,
         MIN(${epochMsSql('c.blocked_since')}) FILTER (WHERE c.blocked) AS oldest_blocked,
         COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM card_principles cp WHERE cp.card_id = c.id))::int AS tagged
       FROM cards c WHERE c.board_id = ANY($1::text[]) AND c.archived_at IS NULL GROUP BY c.column_id`,
      boardIds,
    ),
    // Calendar days by local day number (width_bucket over local midnights); starts before the window of
    // boundaries fall back to converting the time zone. One pass over the finished cards, grouped twice (grouping
    // sets) into histograms: one row per team and cycle time, one per team and lead time.
    db.$queryRawUnsafe<{ team_id: string; cycle: number | null; lead: number | null; cards: number }[]>(
      `SELECT team_id, cycle, lead, COUNT(*)::int AS cards FROM (
         SELECT team_id,
           CASE WHEN LEAST(in_progress_at, done_at) >= b[1] THEN width_bucket(done_at, b) - width_bucket(LEAST(in_progress_at, done_at), b) + 1
             ELSE (${localDateSql('done_at', '$4')} - ${localDateSql('LEAST(in_progress_at, done_at)', '$4')}) + 1 END AS cycle,
           CASE WHEN first_seen_at >= b[1] THEN width_bucket(done_at, b) - width_bucket(first_seen_at, b) + 1
             ELSE (${localDateSql('done_at', '$4')} - ${localDateSql('first_seen_at', '$4')}) + 1 END AS lead
         FROM card_flow, (SELECT $5::timestamptz[] AS b) bounds
         WHERE team_id = ANY($1::text[]) AND done_at >= ${utcParam('$2')} AND done_at < ${utcParam('$3')}) finished
       GROUP BY GROUPING SETS ((team_id, cycle), (team_id, lead))`,
      teamIds,
      period.from,
      period.to,
      query.tz,
      dayBoundaries(addDays(query.from, -LOOKBACK_DAYS), query.to, query.tz),
    ),
    db.$queryRawUnsafe<{ board_id: string; started_at: number; ended_at: number | null }[]>(
      `SELECT board_id, ${epochMsSql('started_at')} AS started_at, ${epochMsSql('ended_at')} AS ended_at FROM wip_breaches
       WHERE board_id = ANY($1::text[]) AND started_at < ${utcParam('$3')} AND (ended_at IS NULL OR ended_at > ${utcParam('$2')})`,
      boardIds,
      period.from,
      period.to,
    ),
    activeSprintProgress(db, teamIds, now),
  ]);

  const statsOf = new Map(columnStats.map((s) => [s.column_id, s]));
  const histograms = new Map<
    string,
    { cycle: { value: number; count: number }[]; lead: { value: number; count: number }[] }
  >();
  for (const row of flow) {
    let h = histograms.get(row.team_id);
    if (!h) histograms.set(row.team_id, (h = { cycle: [], lead: [] }));
    if (row.cycle !== null) h.cycle.push({ value: row.cycle, count: row.cards });
    else if (row.lead !== null) h.lead.push({ value: row.lead, count: row.cards });
  }
  const weeks = period.days.length / 7;
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    teams: teams.map((team) => {
      const board = boardOf.get(team.id);
      const columns = (board?.columns ?? []).map((c) => ({ ...c, stats: statsOf.get(c.id) }));
      const inProcess = columns.filter((c) => isWorkUnderWay(c.flowCategory));
      const limits = inProcess.filter((c) => c.wipLimit !== null);
      const oldest = columns.reduce<number | null>(
        (min, c) =>
          c.stats?.oldest_blocked != null && (min === null || c.stats.oldest_blocked < min)
            ? c.stats.oldest_blocked
            : min,
        null,
      );
      const open = columns.reduce((n, c) => n + (c.stats?.cards ?? 0), 0);
      const h = histograms.get(team.id) ?? { cycle: [], lead: [] };
      const finished = h.cycle.reduce((n, x) => n + x.count, 0);
      return {
        id: team.id,
        name: team.name,
        kind: team.kind,
        boardId: board?.id ?? null,
        wip: {
          count: inProcess.reduce((n, c) => n + (c.stats?.cards ?? 0), 0),
          limit: limits.length ? limits.reduce((n, c) => n + c.wipLimit!, 0) : null,
          overLimitColumns: columns.filter((c) => isOverLimit(c.stats?.cards ?? 0, c.wipLimit)).map((c) => c.name),
        },
        breaches: breachSummary(
          breaches
            .filter((b) => b.board_id === board?.id)
            .map((b) => ({ startedAt: b.started_at, endedAt: b.ended_at })),
          { from: period.fromMs, to: period.toMs },
          now,
        ),
        blocked: {
          count: columns.reduce((n, c) => n + (c.stats?.blocked ?? 0), 0),
          oldestDays: oldest === null ? null : Math.floor(((now - oldest) / DAY) * 10) / 10,
        },
        finished,
        throughputPerWeek: Math.round((finished / weeks) * 10) / 10,
        cycleTime: { p50: percentileOfCounts(h.cycle, 50), p85: percentileOfCounts(h.cycle, 85) },
        leadTime: { p50: percentileOfCounts(h.lead, 50), p85: percentileOfCounts(h.lead, 85) },
        sprint: sprints.get(team.id) ?? null,
        principleCoverage: open
          ? Math.round((columns.reduce((n, c) => n + (c.stats?.tagged ?? 0), 0) / open) * 100) / 100
          : null,
      };
    }),
  };
}
