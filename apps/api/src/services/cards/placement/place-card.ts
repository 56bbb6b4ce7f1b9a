// Placing a card under locks: used by creating, restoring, and moves that could not be decided optimistically.
import { countsTowardPersonLimit, countsTowardSwimlaneLimit } from '@amb/domain/wip';
import { Prisma } from '../../../db/prisma';
import {
  checkTarget,
  decidePlacement,
  type ColumnRow,
  type Placement,
  type PlacementResult,
  type SwimlaneRow,
} from './decide-placement';
import { lockOwnerLimits, lockPersonLimits } from './person-limits';
import { respreadColumn } from './respread-column';

type Tx = Prisma.TransactionClient;

/**
 * Locks the column a card enters (and its swimlane when that has a limit), decides the move under their WIP
 * limits and finds its rank. The locks are held until the caller's transaction ends, so concurrent placements into
 * one column are counted one after another and a hard limit cannot be overrun. Column before swimlane: no deadlocks.
 */
export async function placeCard(tx: Tx, p: Placement): Promise<PlacementResult> {
  // Only the column the card enters is locked: ranks there, and its count, must be read one move at a time.
  const [target] = await tx.$queryRaw<ColumnRow[]>`
    SELECT id, board_id, name, wip_limit, wip_policy::text AS wip_policy, flow_category::text AS flow_category, rank_epoch
    FROM columns WHERE id = ${p.to.columnId} FOR UPDATE`;
  let targetLane: SwimlaneRow | null = null;
  if (p.to.swimlaneId) {
    [targetLane = null] = await tx.$queryRaw<SwimlaneRow[]>`
      SELECT id, board_id, name, wip_limit, wip_policy::text AS wip_policy FROM swimlanes WHERE id = ${p.to.swimlaneId}`;
  }
  checkTarget(p, target, targetLane);
  // A limited swimlane spans columns, so its count needs its own lock (always taken after the column's).
  if (targetLane && targetLane.wip_limit !== null && countsTowardSwimlaneLimit(target.flow_category)) {
    await tx.$queryRaw`SELECT id FROM swimlanes WHERE id = ${targetLane.id} FOR UPDATE`;
  }

  // A person's limit spans boards: their row is the lock, taken last (after columns and swimlanes), in id order.
  // A card moved or restored counts against its owners' limits; a new card against the owners it is given.
  const counts = countsTowardPersonLimit(p.from ? p.fromFlow : null, target.flow_category);
  const owners = !counts
    ? null
    : p.cardId
      ? await lockOwnerLimits(tx, p.cardId)
      : p.ownerIds?.length
        ? await lockPersonLimits(tx, p.ownerIds, '')
        : null;

  const situation = await readSituation(tx, p, target.id, targetLane);
  const decision = decidePlacement(p, { target, targetLane, owners, ...situation });
  const rank = decision.rank ?? (await respreadColumn(tx, p, target.id, situation.above));
  return { rank, target, targetLane, overLimit: decision.overLimit };
}

/** In one round trip: the target's count, the swimlane's count, and the ranks either side of the new place. */
async function readSituation(tx: Tx, p: Placement, columnId: string, lane: SwimlaneRow | null) {
  const except = p.cardId ?? '';
  const open = Prisma.sql`column_id = ${columnId} AND archived_at IS NULL AND id <> ${except}`;
  const above =
    p.after === 'top'
      ? Prisma.sql`NULL::text`
      : p.after === 'bottom'
        ? Prisma.sql`(SELECT rank FROM cards WHERE ${open} ORDER BY rank DESC LIMIT 1)`
        : Prisma.sql`(SELECT rank FROM cards WHERE ${open} AND id = ${p.after})`;
  const below =
    p.after === 'bottom'
      ? Prisma.sql`NULL::text`
      : p.after === 'top'
        ? Prisma.sql`(SELECT rank FROM cards WHERE ${open} ORDER BY rank LIMIT 1)`
        : Prisma.sql`(SELECT rank FROM cards WHERE ${open} AND rank > (SELECT rank FROM cards WHERE ${open} AND id = ${p.after}) ORDER BY rank LIMIT 1)`;
  const laneCount =
    lane && lane.wip_limit !== null ? Prisma.sql`swimlane_wip_count(${lane.id}, ${except})` : Prisma.sql`0`;
  const [row] = await tx.$queryRaw<
    { column_count: number; lane_count: number; above: string | null; below: string | null }[]
  >`
    SELECT (SELECT count(*)::int FROM cards WHERE ${open}) AS column_count, ${laneCount} AS lane_count, ${above} AS above, ${below} AS below`;
  return { columnCount: row!.column_count, laneCount: row!.lane_count, above: row!.above, below: row!.below };
}
