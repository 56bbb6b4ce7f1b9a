import { localDay } from '@amb/domain/local-days';
import { nearHorizon } from '@amb/domain/dependency-risk';
import { Prisma, type Db } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import type { Actor } from '../context';
import { visibleTeams } from '../portfolio/visible-teams';

/**
 * Open waits between teams, as SQL: one row per card that waits on a card of another team ("depends on" read
 * forwards, "blocks" backwards; the same wait recorded from both cards counts once, as the waiting card's "depends on"), neither card done nor
 * archived, and both teams among those the person may read (`readable`). `teams` narrows to waits touching those teams
 * (or null for all). `deadline` is the waiting card's due date or its open sprint's last day, whichever is earlier.
 */
export const openDependenciesSql = (readable: string[], teams: string[] | null) => Prisma.sql`
  waits AS (
    SELECT DISTINCT ON (waiting_id, on_id) id, kind, waiting_id, on_id FROM (
      SELECT id, kind::text AS kind, created_at,
        CASE WHEN kind = 'DEPENDS_ON' THEN from_card_id ELSE to_card_id END AS waiting_id,
        CASE WHEN kind = 'DEPENDS_ON' THEN to_card_id ELSE from_card_id END AS on_id
      FROM card_links WHERE kind IN ('DEPENDS_ON', 'BLOCKS')) l
    ORDER BY waiting_id, on_id, kind = 'DEPENDS_ON' DESC, created_at, id
  ),
  open AS (
    SELECT l.id AS link_id, l.kind, w.id AS w_card, w.title AS w_title, wb.team_id AS w_team, wc.name AS w_column, w.blocked AS w_blocked,
      (w.due_date AT TIME ZONE 'UTC')::date AS w_due, s.name AS sprint_name, (s.end_date AT TIME ZONE 'UTC')::date AS sprint_end,
      o.id AS o_card, o.title AS o_title, ob.team_id AS o_team, oc.name AS o_column, o.blocked AS o_blocked,
      LEAST((w.due_date AT TIME ZONE 'UTC')::date, (s.end_date AT TIME ZONE 'UTC')::date) AS deadline
    FROM waits l
    JOIN cards w ON w.id = l.waiting_id AND w.archived_at IS NULL
    JOIN columns wc ON wc.id = w.column_id AND wc.flow_category <> 'DONE'
    JOIN boards wb ON wb.id = w.board_id
    JOIN cards o ON o.id = l.on_id AND o.archived_at IS NULL
    JOIN columns oc ON oc.id = o.column_id AND oc.flow_category <> 'DONE'
    JOIN boards ob ON ob.id = o.board_id
    LEFT JOIN sprints s ON s.id = w.sprint_id AND s.state <> 'CLOSED'
    WHERE wb.team_id <> ob.team_id AND wb.team_id = ANY(${readable}::text[]) AND ob.team_id = ANY(${readable}::text[])
      AND (${teams}::text[] IS NULL OR wb.team_id = ANY(${teams}::text[]) OR ob.team_id = ANY(${teams}::text[]))
  )`;

/**
 * The teams whose links the person may see (both ends must be among them: the PMO and admins read every team),
 * checks of the teams asked for (unknown and unreadable teams get the same "not found"), and today's near horizon.
 */
export async function dependencyScope(
  db: Db,
  actor: Actor,
  query: { teams?: string[]; waiting?: string; on?: string; tz: string },
) {
  const readable = await visibleTeams(db, actor);
  const readableIds = new Set(readable.map((t) => t.id));
  if (query.teams) await visibleTeams(db, actor, query.teams);
  for (const field of ['waiting', 'on'] as const) {
    const id = query[field];
    if (id !== undefined && !readableIds.has(id))
      throw new AppError('NOT_FOUND', 'Team not found', {
        fields: [{ field: `querystring.${field}`, message: 'is not a team you can see' }],
      });
  }
  const today = localDay(Date.now(), query.tz);
  return { readable, today, nearUntil: nearHorizon(today) };
}
