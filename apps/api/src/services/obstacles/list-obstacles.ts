import { daysInColumn } from '@amb/domain/standup';
import type { BlockerCategory } from '@amb/shared/obstacles';
import type { ObstacleList, ObstacleListQuery, ObstacleSortKey } from '@amb/shared/obstacle-reports';
import type { ServiceContext } from '../context';
import { visibleTeams } from '../portfolio/visible-teams';
import { toPmoHandling } from './pmo-handling';

/** What each sort key orders by, ascending; ties go to the oldest obstacle. */
const sortSql: Record<ObstacleSortKey, string> = {
  // Age ascending is the youngest obstacle first: the newest block.
  age: 'c.blocked_since DESC',
  team: 't.name',
  title: 'lower(c.title)',
  owner: '(SELECT min(lower(u.name)) FROM card_owners o JOIN users u ON u.id = o.user_id WHERE o.card_id = c.id)',
  category: 'c.blocker_category',
  escalated: '(c.escalated_at IS NOT NULL)',
  state:
    "(CASE WHEN c.escalated_at IS NULL THEN 0 WHEN c.pmo_state IS NULL THEN 1 WHEN c.pmo_state = 'handling' THEN 2 ELSE 3 END)",
};
/** Oldest first by default; escalated and the PMO's state put escalated cards first. */
const defaultDir: Record<ObstacleSortKey, 'asc' | 'desc'> = {
  age: 'desc',
  team: 'asc',
  title: 'asc',
  owner: 'asc',
  category: 'asc',
  escalated: 'desc',
  state: 'desc',
};

const flip = (sql: string) => (sql.endsWith(' DESC') ? sql.slice(0, -5) : `${sql} DESC`);

interface Row {
  id: string;
  title: string;
  team_id: string;
  team_name: string;
  board_id: string;
  blocker_category: string | null;
  blocked_reason: string | null;
  blocked_since: Date | null;
  escalated_at: Date | null;
  pmo_state: string | null;
  pmo_note: string | null;
  pmo_state_at: Date | null;
  handler_id: string | null;
  handler_name: string | null;
  total: number;
}

/**
 * Every open blocked card on the teams the person may read (the PMO and admins: every team), filtered and sorted in
 * the database, the first `limit` of them with the count of all.
 */
export async function listObstacles({ db, actor }: ServiceContext, query: ObstacleListQuery): Promise<ObstacleList> {
  const teams = await visibleTeams(db, actor, query.teams);
  const params: unknown[] = [teams.map((t) => t.id)];
  const where = ['c.blocked', 'c.archived_at IS NULL', 'b.team_id = ANY($1::text[])'];
  if (query.category) where.push(`c.blocker_category = $${params.push(query.category)}`);
  if (query.escalated) where.push(query.escalated === 'yes' ? 'c.escalated_at IS NOT NULL' : 'c.escalated_at IS NULL');
  if (query.owner)
    where.push(
      `EXISTS (SELECT 1 FROM card_owners o WHERE o.card_id = c.id AND o.user_id = $${params.push(query.owner)})`,
    );
  const dir = query.dir ?? defaultDir[query.sort];
  const order = dir === 'asc' ? sortSql[query.sort] : flip(sortSql[query.sort]);
  const limit = `$${params.push(query.limit)}`;

  const [rows, owners] = await Promise.all([
    db.$queryRawUnsafe<Row[]>(
      `SELECT c.id, c.title, b.team_id, t.name AS team_name, c.board_id, c.blocker_category, c.blocked_reason, c.blocked_since,
         c.escalated_at, c.pmo_state, c.pmo_note, c.pmo_state_at, h.id AS handler_id, h.name AS handler_name, count(*) OVER ()::int AS total
       FROM cards c JOIN boards b ON b.id = c.board_id JOIN teams t ON t.id = b.team_id LEFT JOIN users h ON h.id = c.pmo_handler_id
       WHERE ${where.join(' AND ')}
       ORDER BY ${order} NULLS LAST, c.blocked_since ASC NULLS LAST, c.id
       LIMIT ${limit}`,
      ...params,
    ),
    db.$queryRawUnsafe<{ id: string; name: string }[]>(
      `SELECT DISTINCT u.id, u.name FROM cards c JOIN boards b ON b.id = c.board_id JOIN card_owners o ON o.card_id = c.id JOIN users u ON u.id = o.user_id
       WHERE c.blocked AND c.archived_at IS NULL AND b.team_id = ANY($1::text[]) ORDER BY u.name, u.id`,
      params[0],
    ),
  ]);
  const ownerRows = await db.cardOwner.findMany({
    where: { cardId: { in: rows.map((r) => r.id) } },
    select: { cardId: true, user: { select: { id: true, name: true } } },
  });
  const ownersOf = new Map<string, { id: string; name: string }[]>();
  for (const o of ownerRows) ownersOf.set(o.cardId, [...(ownersOf.get(o.cardId) ?? []), o.user]);
  const now = Date.now();
  return {
    total: rows[0]?.total ?? 0,
    owners,
    obstacles: rows.map((r) => ({
      cardId: r.id,
      title: r.title,
      teamId: r.team_id,
      teamName: r.team_name,
      boardId: r.board_id,
      owners: (ownersOf.get(r.id) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
      category: r.blocker_category as BlockerCategory | null,
      reason: r.blocked_reason,
      blockedSince: r.blocked_since?.toISOString() ?? null,
      ageDays: r.blocked_since ? daysInColumn(r.blocked_since.getTime(), now) : 0,
      escalatedAt: r.escalated_at?.toISOString() ?? null,
      pmo: toPmoHandling({
        escalatedAt: r.escalated_at,
        pmoState: r.pmo_state,
        pmoNote: r.pmo_note,
        pmoStateAt: r.pmo_state_at,
        pmoHandler: r.handler_id ? { id: r.handler_id, name: r.handler_name ?? '' } : null,
      }),
    })),
  };
}
