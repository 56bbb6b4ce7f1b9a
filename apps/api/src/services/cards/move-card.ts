import type { TeamRole } from '@amb/domain/access';
import type { FlowCategory } from '@amb/domain/wip';
import { activityKinds } from '@amb/shared/activity';
import type { CardSummary } from '@amb/shared/boards';
import type { CardWriteResult, MoveCardBody } from '@amb/shared/cards';
import { sql, type Db } from '../../db/prisma';
import { isoTimestampSql } from '../../db/sql-time';
import { approvalGateRefusal, type GateColumn } from '@amb/domain/approval-gate';
import type { ApprovalStanding } from '@amb/domain/approvals';
import { AppError, cardArchived, notFound } from '../../lib/app-error';
import { decideTeamAccess } from '../access/team-access';
import type { Actor, ServiceContext } from '../context';
import {
  checkTarget,
  decidePlacement,
  type ColumnRow,
  type OwnerLimitRow,
  type Placement,
  type PlacementDecision,
  type Situation,
  type SwimlaneRow,
} from './placement/decide-placement';
import { placeCard } from './placement/place-card';
import { trackBreaches, trackBreachesUnderLock } from './placement/wip-breaches';
import { flowTimes } from '@amb/domain/flow-times';
import { activityRow } from '../activity/record-activity';
import { staleVersion } from './load-card';

// Moving is what people do all day, so a move is two plain SQL statements and holds no lock between them. The
// first reads the card, the mover's role, the place it goes to, the counts there and the neighbouring ranks. The
// API decides the move with the same rules as every placement; then the database function `move_card` locks the
// column the card enters, checks that what the decision rests on still holds and writes the card with its history
// entry. When something changed in between, the move is decided again; after a few tries, or when the column's
// ranks must be spread out, it is made the careful way: under the column's lock for the whole decision.

const OPTIMISTIC_TRIES = 3;

interface MoveSituationRow {
  board_id: string;
  column_id: string;
  swimlane_id: string | null;
  rank: string;
  version: number;
  archived: boolean;
  started_at: string | null;
  completed_at: string | null;
  team_id: string;
  from_flow: FlowCategory;
  from_column_limit: number | null;
  from_lane_limit: number | null;
  from_gate: GateColumn;
  approval: ApprovalStanding | null;
  role: TeamRole | null;
  target: ColumnRow | null;
  lane: SwimlaneRow | null;
  column_count: number | null;
  lane_count: number | null;
  above: string | null;
  below: string | null;
  owners: OwnerLimitRow[] | null;
}

// $1 card, $2 actor, $3 target column, $4 whether a swimlane was given, $5 that swimlane, $6 'top' | 'after',
// $7 the card to go after. Counts are read only for places with a limit.
const readSituationSql = `
  WITH card AS (
    SELECT c.id, c.board_id, c.column_id, c.swimlane_id, c.rank, c.version, c.archived_at IS NOT NULL AS archived,
      ${isoTimestampSql('c.started_at')} AS started_at, ${isoTimestampSql('c.completed_at')} AS completed_at,
      b.team_id, k.flow_category::text AS from_flow, k.wip_limit AS from_column_limit, s.wip_limit AS from_lane_limit, m.role::text AS role,
      json_build_object('id', k.id, 'name', k.name, 'requiresApproval', k.requires_approval) AS from_gate,
      CASE WHEN k.requires_approval AND c.column_id <> $3 THEN card_summary(c)->'approval' END AS approval
    FROM cards c
    JOIN boards b ON b.id = c.board_id
    JOIN columns k ON k.id = c.column_id
    LEFT JOIN swimlanes s ON s.id = c.swimlane_id
    LEFT JOIN memberships m ON m.team_id = b.team_id AND m.user_id = $2
    WHERE c.id = $1
  ), target AS (
    SELECT id, board_id, name, wip_limit, wip_policy::text AS wip_policy, flow_category::text AS flow_category, rank_epoch FROM columns WHERE id = $3
  ), lane AS (
    SELECT id, board_id, name, wip_limit, wip_policy::text AS wip_policy FROM swimlanes
    WHERE id = CASE WHEN $4::boolean THEN $5::text ELSE (SELECT swimlane_id FROM card) END
  ), owners AS NOT MATERIALIZED (
    SELECT u.id AS user_id, u.name, u.wip_limit, u.wip_policy::text AS wip_policy, person_wip_count(u.id, $1) AS count
    FROM card_owners o JOIN users u ON u.id = o.user_id WHERE o.card_id = $1 AND u.wip_limit IS NOT NULL
  ), open AS NOT MATERIALIZED (
    SELECT id, rank FROM cards WHERE column_id = $3 AND archived_at IS NULL AND id <> $1
  ), after AS NOT MATERIALIZED (
    SELECT rank FROM open WHERE id = $7
  )
  SELECT card.board_id, card.column_id, card.swimlane_id, card.rank, card.version, card.archived, card.started_at, card.completed_at,
    card.team_id, card.from_flow, card.from_column_limit, card.from_lane_limit, card.role,
    card.from_gate, card.approval,
    (SELECT row_to_json(target) FROM target) AS target,
    (SELECT row_to_json(lane) FROM lane) AS lane,
    CASE WHEN (SELECT wip_limit FROM target) IS NOT NULL THEN (SELECT count(*)::int FROM open) END AS column_count,
    CASE WHEN (SELECT wip_limit FROM lane) IS NOT NULL THEN swimlane_wip_count((SELECT id FROM lane), $1) END AS lane_count,
    CASE WHEN counts_toward_person_limit(card.from_flow::"FlowCategory", (SELECT flow_category FROM target)::"FlowCategory") THEN (
      SELECT COALESCE(json_agg(owners ORDER BY user_id), '[]') FROM owners
    ) END AS owners,
    CASE WHEN $6 = 'top' THEN NULL ELSE (SELECT rank FROM after) END AS above,
    CASE WHEN $6 = 'top' THEN (SELECT min(rank) FROM open) ELSE (SELECT min(rank) FROM open WHERE rank > (SELECT rank FROM after)) END AS below
  FROM card`;

/** Moves a card to a column (and swimlane), right after another card or at the top, under the WIP limits. */
export async function moveCard(
  { db, actor }: ServiceContext,
  cardId: string,
  body: MoveCardBody,
): Promise<CardWriteResult> {
  for (let attempt = 1; ; attempt++) {
    const move = await readMove(db, actor, cardId, body);
    const decision = attempt <= OPTIMISTIC_TRIES ? decidePlacement(move.placement, move.situation, Math.random) : null;
    // Spreading out the column's ranks, like a move that keeps finding the column changed, takes its lock.
    if (!decision?.rank) return moveUnderLock(db, actor, move, body);
    const written = await writeMove(db, move, decision.rank, expectations(move, decision));
    if (written === 'changed') continue;
    if (written === 'gated') throw await gateRefusal(db, actor, cardId, body);
    return finishMove(db, actor, move, written, decision.overLimit);
  }
}

/** What a move knows before it is decided: where the card is, where it goes, and what it finds there. */
interface Move {
  cardId: string;
  version: number;
  placement: Placement;
  situation: Situation;
  changesPlace: boolean;
  fromRank: string;
  fromFlow: FlowCategory;
  fromColumnLimit: number | null;
  fromLaneLimit: number | null;
  startedAt: Date | null;
  completedAt: Date | null;
}

/** Reads the move's situation and makes the checks every move makes first: the card exists, the actor may work on it, it is open and current, and its target is on its board. */
async function readMove(db: Db, actor: Actor, cardId: string, body: MoveCardBody): Promise<Move> {
  const [card] = await sql<MoveSituationRow>(db, 'move-card-read', readSituationSql, [
    cardId,
    actor.id,
    body.columnId,
    body.swimlaneId !== undefined,
    body.swimlaneId ?? null,
    body.afterCardId ? 'after' : 'top',
    body.afterCardId ?? '',
  ]);
  if (!card) throw notFound('Card');
  decideTeamAccess({ orgRole: actor.orgRole, teamRole: card.role }, 'work', 'Card');
  if (card.archived) throw cardArchived();
  if (card.version !== body.version) throw await staleVersion(db, cardId);
  const gated = approvalGateRefusal(card.from_gate, { id: body.columnId }, card.approval);
  if (gated) throw approvalRequired(gated);
  const from = { columnId: card.column_id, swimlaneId: card.swimlane_id };
  const to = {
    columnId: body.columnId,
    swimlaneId: body.swimlaneId === undefined ? card.swimlane_id : body.swimlaneId,
  };
  const placement: Placement = {
    boardId: card.board_id,
    cardId,
    from,
    fromFlow: card.from_flow,
    to,
    after: body.afterCardId ?? 'top',
    afterField: 'body.afterCardId',
    actorId: actor.id,
    teamId: card.team_id,
  };
  const { target, lane } = card;
  checkTarget(placement, target, lane);
  return {
    cardId,
    version: body.version,
    placement,
    situation: {
      target,
      targetLane: to.swimlaneId ? lane : null,
      owners: card.owners,
      columnCount: card.column_count ?? 0,
      laneCount: card.lane_count ?? 0,
      above: card.above,
      below: card.below,
    },
    changesPlace: from.columnId !== to.columnId || from.swimlaneId !== to.swimlaneId,
    fromRank: card.rank,
    fromFlow: card.from_flow,
    fromColumnLimit: card.from_column_limit,
    fromLaneLimit: card.from_lane_limit,
    startedAt: card.started_at ? new Date(card.started_at) : null,
    completedAt: card.completed_at ? new Date(card.completed_at) : null,
  };
}

/** What a decision rests on, for `move_card` to check under the column's lock. */
function expectations(move: Move, decision: PlacementDecision) {
  const { situation: s, placement } = move;
  return {
    flowCategory: s.target.flow_category,
    columnLimit: s.target.wip_limit,
    columnPolicy: s.target.wip_policy,
    laneLimit: s.targetLane?.wip_limit ?? null,
    lanePolicy: s.targetLane?.wip_policy ?? null,
    columnCount: decision.places.find((p) => p.scope === 'column')?.count ?? null,
    laneCount: decision.places.find((p) => p.scope === 'swimlane')?.count ?? null,
    afterCardId: placement.after === 'top' || placement.after === 'bottom' ? null : placement.after,
    above: s.above,
    rankEpoch: s.target.rank_epoch,
    // Null when the move does not count against the owners' limits; otherwise every owner with a limit.
    owners: s.owners
      ? decision.places
          .filter((p) => p.scope === 'person')
          .map((p) => ({ userId: p.id, limit: p.wipLimit, policy: p.wipPolicy, count: p.count }))
      : null,
  };
}

/** The arguments of `move_card`: the card and version, its new place, the expectations (null under lock), its history entry. */
function moveArguments(move: Move, rank: string, target: FlowCategory, expect: object | null) {
  const { placement: p } = move;
  const times = flowTimes({ startedAt: move.startedAt, completedAt: move.completedAt }, target);
  const subject = { actorId: p.actorId, teamId: p.teamId };
  const history = activityRow(
    move.changesPlace
      ? {
          ...subject,
          kind: activityKinds.cardMoved,
          from: { ...p.from!, flowCategory: move.fromFlow },
          to: { ...p.to, flowCategory: target },
        }
      : { ...subject, kind: activityKinds.cardReordered, from: { rank: move.fromRank }, to: { rank } },
  );
  const place = {
    ...p.to,
    rank,
    startedAt: times.startedAt?.toISOString() ?? null,
    completedAt: times.completedAt?.toISOString() ?? null,
  };
  return [
    move.cardId,
    move.version,
    JSON.stringify(place),
    expect && JSON.stringify(expect),
    JSON.stringify(history),
  ] as const;
}

const moveCardSql = 'SELECT status, card FROM move_card($1, $2, $3::jsonb, $4::jsonb, $5::jsonb)';
// 'gated': the card's column requires approval and its approval no longer stands approved (move_card checks it
// with the card's row locked, so a decision written since the read is not slipped past).
type MoveStatus = 'moved' | 'stale' | 'changed' | 'gated';
type Written = { status: 'moved'; card: CardSummary } | { status: 'stale' };
const written = (row: { status: MoveStatus; card: CardSummary | null }): Written | 'changed' | 'gated' =>
  row.status === 'moved'
    ? { status: 'moved', card: row.card! }
    : row.status === 'stale'
      ? { status: 'stale' }
      : row.status;

const approvalRequired = (message: string) => new AppError('APPROVAL_REQUIRED', message);

/** The refusal of a move that `move_card` found gated: read again, the domain rule says what is missing. */
async function gateRefusal(db: Db, actor: Actor, cardId: string, body: MoveCardBody): Promise<AppError> {
  await readMove(db, actor, cardId, body);
  return approvalRequired('The column this card is in needs an approved version before a card leaves it');
}

async function writeMove(
  db: Db,
  move: Move,
  rank: string,
  expect: ReturnType<typeof expectations>,
): Promise<Written | 'changed' | 'gated'> {
  const [row] = await sql<{ status: MoveStatus; card: CardSummary | null }>(db, 'move-card-write', moveCardSql, [
    ...moveArguments(move, rank, move.situation.target.flow_category, expect),
  ]);
  return written(row!);
}

/** After a move made without holding the locks: a stale version becomes a 409, and breaches of limited places are tracked. */
async function finishMove(
  db: Db,
  actor: Actor,
  move: Move,
  result: Written,
  overLimit: CardWriteResult['overLimit'],
): Promise<CardWriteResult> {
  if (result.status === 'stale') throw await staleVersion(db, move.cardId);
  const places = limitedPlaces(move, move.situation.target, move.situation.targetLane);
  if (places)
    await trackBreachesUnderLock(db, {
      boardId: move.placement.boardId,
      teamId: move.placement.teamId,
      actorId: actor.id,
      ...places,
    });
  return { card: result.card, overLimit };
}

/** The places with a limit that a move left or entered (their breaches may start or end); null when there are none. */
function limitedPlaces(move: Move, target: ColumnRow, lane: SwimlaneRow | null) {
  if (!move.changesPlace) return null;
  const { from, to } = move.placement;
  const columnIds = [
    target.wip_limit !== null ? to.columnId : null,
    move.fromColumnLimit !== null ? from!.columnId : null,
  ].filter((id): id is string => Boolean(id));
  const swimlaneIds = [
    lane?.wip_limit != null ? to.swimlaneId : null,
    move.fromLaneLimit !== null ? from!.swimlaneId : null,
  ].filter((id): id is string => Boolean(id));
  return columnIds.length || swimlaneIds.length
    ? { columnIds: [...new Set(columnIds)], swimlaneIds: [...new Set(swimlaneIds)] }
    : null;
}

/** The careful way: the move decided and written under the lock of the column the card enters, breaches tracked under it too. */
async function moveUnderLock(db: Db, actor: Actor, move: Move, body: MoveCardBody): Promise<CardWriteResult> {
  const result = await db.$transaction(async (tx) => {
    const placed = await placeCard(tx, move.placement);
    const [row] = await tx.$queryRawUnsafe<{ status: MoveStatus; card: CardSummary | null }[]>(
      moveCardSql,
      ...moveArguments(move, placed.rank, placed.target.flow_category, null),
    );
    const outcome = written(row!);
    if (outcome === 'gated') return outcome;
    if (outcome === 'changed' || outcome.status === 'stale') return null;
    const places = limitedPlaces(move, placed.target, placed.targetLane);
    if (places)
      await trackBreaches(tx, {
        boardId: move.placement.boardId,
        teamId: move.placement.teamId,
        actorId: actor.id,
        ...places,
      });
    return { card: outcome.card, overLimit: placed.overLimit };
  });
  if (!result) throw await staleVersion(db, move.cardId);
  if (result === 'gated') throw await gateRefusal(db, actor, move.cardId, body);
  return result;
}
