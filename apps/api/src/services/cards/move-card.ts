import type { TeamRole } from '@amb/domain/access';
import type { FlowCategory } from '@amb/domain/wip';
import { activityKinds } from '@amb/shared/activity';
import type { CardSummary } from '@amb/shared/boards';
import type { CardWriteResult, MoveCardBody } from '@amb/shared/cards';
import { AppError, notFound } from '../../lib/app-error';
import { decideTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { placeCard, trackBreaches } from './card-placement';
import { flowTimes } from './flow-times';
import { staleVersion } from './load-card';

// Moving is what people do all day, so this use case reads and writes with a few plain SQL statements: the card
// with its column, swimlane limit and the mover's role in one query; the move and its history entry in another.

interface CardRow {
  id: string;
  board_id: string;
  column_id: string;
  swimlane_id: string | null;
  rank: string;
  version: number;
  archived_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  team_id: string;
  flow_category: FlowCategory;
  column_limit: number | null;
  lane_limit: number | null;
  role: TeamRole | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Moves a card to a column (and swimlane), right after another card or at the top, under the WIP limits. */
export async function moveCard({ db, actor }: ServiceContext, cardId: string, body: MoveCardBody): Promise<CardWriteResult> {
  const [card] = await db.$queryRaw<CardRow[]>`
    SELECT c.id, c.board_id, c.column_id, c.swimlane_id, c.rank, c.version, c.archived_at, c.started_at, c.completed_at,
      b.team_id, k.flow_category::text AS flow_category, k.wip_limit AS column_limit, s.wip_limit AS lane_limit, m.role::text AS role
    FROM cards c
    JOIN boards b ON b.id = c.board_id
    JOIN columns k ON k.id = c.column_id
    LEFT JOIN swimlanes s ON s.id = c.swimlane_id
    LEFT JOIN memberships m ON m.team_id = b.team_id AND m.user_id = ${actor.id}
    WHERE c.id = ${cardId}`;
  if (!card) throw notFound('Card');
  decideTeamAccess({ orgRole: actor.orgRole, teamRole: card.role }, 'work', 'Card');
  if (card.archived_at) throw new AppError('CONFLICT', 'This card is archived; restore it before moving it');
  if (card.version !== body.version) throw await staleVersion(db, cardId);
  const from = { columnId: card.column_id, swimlaneId: card.swimlane_id };
  const to = { columnId: body.columnId, swimlaneId: body.swimlaneId === undefined ? card.swimlane_id : body.swimlaneId };
  const changesPlace = from.columnId !== to.columnId || from.swimlaneId !== to.swimlaneId;

  const result = await db.$transaction(async (tx) => {
    const placed = await placeCard(tx, {
      boardId: card.board_id,
      cardId,
      from,
      fromFlow: card.flow_category,
      to,
      after: body.afterCardId ?? 'top',
      afterField: 'body.afterCardId',
      actorId: actor.id,
      teamId: card.team_id,
    });
    const times = flowTimes({ startedAt: card.started_at, completedAt: card.completed_at }, placed.target.flow_category);
    const entry = changesPlace
      ? { kind: activityKinds.cardMoved, field: 'columnId', from: { ...from, flowCategory: card.flow_category }, to: { ...to, flowCategory: placed.target.flow_category } }
      : { kind: activityKinds.cardUpdated, field: 'rank', from: card.rank, to: placed.rank };
    // The version in the condition makes two concurrent moves of one card settle: the second finds no row.
    const [saved] = await tx.$queryRaw<(Omit<CardSummary, 'dueDate' | 'blockedSince' | 'updatedAt'> & { dueDate: Date | null; blockedSince: Date | null; updatedAt: Date })[]>`
      WITH moved AS (
        UPDATE cards SET column_id = ${to.columnId}, swimlane_id = ${to.swimlaneId}, rank = ${placed.rank}, version = version + 1,
          started_at = ${times.startedAt}, completed_at = ${times.completedAt}, updated_at = now()
        WHERE id = ${cardId} AND version = ${body.version}
        RETURNING *
      ), logged AS (
        INSERT INTO activity (actor_id, team_id, board_id, card_id, kind, field, "from", "to")
        SELECT ${actor.id}, ${card.team_id}, board_id, id, ${entry.kind}, ${entry.field}, ${JSON.stringify(entry.from)}::jsonb, ${JSON.stringify(entry.to)}::jsonb FROM moved
      )
      SELECT id, column_id AS "columnId", swimlane_id AS "swimlaneId", sprint_id AS "sprintId", type::text AS type, title, rank, estimate,
        due_date AS "dueDate", labels, blocked, blocked_reason AS "blockedReason", blocked_since AS "blockedSince",
        experiment_result::text AS "experimentResult", version, updated_at AS "updatedAt",
        COALESCE((SELECT array_agg(o.user_id ORDER BY o.user_id) FROM card_owners o WHERE o.card_id = moved.id), '{}') AS "ownerIds",
        COALESCE((SELECT array_agg(p.principle_id ORDER BY p.principle_id) FROM card_principles p WHERE p.card_id = moved.id), '{}') AS "principleIds"
      FROM moved`;
    if (!saved) return null;
    // Breaches only concern places with a limit; most moves have none to look at.
    if (changesPlace) {
      const columnIds = [placed.target.wip_limit !== null ? to.columnId : null, card.column_limit !== null ? from.columnId : null].filter((id): id is string => Boolean(id));
      const swimlaneIds = [placed.targetLane?.wip_limit != null ? to.swimlaneId : null, card.lane_limit !== null ? from.swimlaneId : null].filter((id): id is string => Boolean(id));
      if (columnIds.length || swimlaneIds.length) {
        await trackBreaches(tx, { boardId: card.board_id, teamId: card.team_id, actorId: actor.id, columnIds: [...new Set(columnIds)], swimlaneIds: [...new Set(swimlaneIds)] });
      }
    }
    const summary: CardSummary = { ...saved, dueDate: iso(saved.dueDate), blockedSince: iso(saved.blockedSince), updatedAt: iso(saved.updatedAt)! };
    return { card: summary, overLimit: placed.overLimit };
  });
  if (!result) throw await staleVersion(db, cardId);
  return result;
}
