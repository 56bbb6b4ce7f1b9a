import { needsRespread, rankBetween, spreadRanks } from '@amb/domain/ranks';
import { admitCard, countsTowardPersonLimit, countsTowardSwimlaneLimit, placesEntered, type FlowCategory, type WipOverage, type WipPlace, type WipPolicy } from '@amb/domain/wip';
import { activityKinds } from '@amb/shared/activity';
import { Prisma, type Db } from '../../db/prisma';
import { AppError, invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';

type Tx = Prisma.TransactionClient;

export interface ColumnRow {
  id: string;
  board_id: string;
  name: string;
  wip_limit: number | null;
  wip_policy: WipPolicy;
  flow_category: FlowCategory;
  rank_epoch: number;
}
export interface SwimlaneRow {
  id: string;
  board_id: string;
  name: string;
  wip_limit: number | null;
  wip_policy: WipPolicy;
}

/** Where a card is (or nothing, for a new or archived card). */
export interface CardPlace {
  columnId: string;
  swimlaneId: string | null;
}

export interface Placement {
  boardId: string;
  /** The card being placed; null while creating it. */
  cardId: string | null;
  /** Where it is now, counting toward limits; null for a new or archived card. */
  from: CardPlace | null;
  /** The flow category of the column it is in now. */
  fromFlow?: FlowCategory;
  to: CardPlace;
  /** Right after this card; 'top' or 'bottom' of the column. */
  after: string | 'top' | 'bottom';
  /** The request field that named `after`, for a precise 400. */
  afterField?: string;
  actorId: string;
  teamId: string;
  /** The owners a new card is created with: it counts against their limits when it starts in progress. */
  ownerIds?: string[];
}

export interface PlacementResult {
  rank: string;
  target: ColumnRow;
  targetLane: SwimlaneRow | null;
  overLimit: WipOverage[];
}

/** An owner of the card with a personal WIP limit, and how many open cards they own in progress, not counting this one. */
export interface OwnerLimitRow {
  user_id: string;
  name: string;
  wip_limit: number;
  wip_policy: WipPolicy;
  count: number;
}

/** What a placement is decided on: the place it enters, the counts there, and the ranks either side. */
export interface Situation {
  target: ColumnRow;
  targetLane: SwimlaneRow | null;
  /** The card's owners with a limit, when the placement counts against their limits (null or absent otherwise). */
  owners?: OwnerLimitRow[] | null;
  columnCount: number;
  laneCount: number;
  above: string | null;
  below: string | null;
}

export interface PlacementDecision {
  /** The limited places the card enters, with their counts: what the decision rests on. */
  places: WipPlace[];
  overLimit: WipOverage[];
  /** The card's new rank; null when the column's ranks must be spread out first. */
  rank: string | null;
}

/** The target column and swimlane must be on the card's board. */
export function checkTarget(p: Placement, target: ColumnRow | null | undefined, lane: SwimlaneRow | null | undefined): asserts target is ColumnRow {
  if (!target || target.board_id !== p.boardId) throw invalidField('body.columnId', 'must be a column of this card’s board');
  if (p.to.swimlaneId && (!lane || lane.board_id !== p.boardId)) throw invalidField('body.swimlaneId', 'must be a swimlane of this card’s board');
}

/**
 * Decides a placement under the WIP limits and finds the rank; throws the 400 or 409 a person should see.
 * `random` varies the rank within its gap, for a placement made without holding the column's lock.
 */
export function decidePlacement(p: Placement, s: Situation, random?: () => number): PlacementDecision {
  if (p.after !== 'top' && p.after !== 'bottom' && s.above === null) {
    throw invalidField(p.afterField ?? 'body.afterCardId', 'must be an open card in the target column, other than the card moved');
  }
  const { target, targetLane } = s;
  const places: WipPlace[] = placesEntered({
    from: p.from && p.fromFlow ? { ...p.from, flowCategory: p.fromFlow } : null,
    column: { id: target.id, name: target.name, wipLimit: target.wip_limit, wipPolicy: target.wip_policy, flowCategory: target.flow_category },
    swimlane: targetLane && { id: targetLane.id, name: targetLane.name, wipLimit: targetLane.wip_limit, wipPolicy: targetLane.wip_policy },
    columnCount: s.columnCount,
    swimlaneCount: s.laneCount,
  });
  if (s.owners && countsTowardPersonLimit(p.from ? p.fromFlow : null, target.flow_category)) {
    for (const o of s.owners) places.push({ scope: 'person', id: o.user_id, name: o.name, wipLimit: o.wip_limit, wipPolicy: o.wip_policy, count: o.count });
  }
  const decision = admitCard(places);
  if (!decision.allowed) {
    throw new AppError('WIP_LIMIT_REACHED', decision.message, { details: { ...decision.refusedBy } });
  }
  const rank = rankBetween(s.above, s.below, random);
  return { places, overLimit: decision.overLimit, rank: needsRespread(rank) ? null : rank };
}

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
  const owners = !counts ? null : p.cardId ? await lockOwnerLimits(tx, p.cardId) : p.ownerIds?.length ? await lockPersonLimits(tx, p.ownerIds, '') : null;

  const situation = await readSituation(tx, p, target.id, targetLane);
  const decision = decidePlacement(p, { target, targetLane, owners, ...situation });
  const rank = decision.rank ?? (await respreadColumn(tx, p, target.id, situation.above));
  return { rank, target, targetLane, overLimit: decision.overLimit };
}

/** The SQL of a person's count: open cards they own in in-progress columns, on every board, other than `$card`. */
export function personCountSql(userIdSql: string, cardIdSql: string) {
  return `(SELECT count(*)::int FROM card_owners o2 JOIN cards c2 ON c2.id = o2.card_id JOIN columns k2 ON k2.id = c2.column_id
    WHERE o2.user_id = ${userIdSql} AND c2.archived_at IS NULL AND c2.id <> ${cardIdSql} AND k2.flow_category = 'IN_PROGRESS')`;
}

/** Locks the card's owners (in id order) and reads those with a limit, with their counts. */
async function lockOwnerLimits(tx: Tx, cardId: string): Promise<OwnerLimitRow[]> {
  await tx.$queryRaw`SELECT u.id FROM users u WHERE u.id IN (SELECT user_id FROM card_owners WHERE card_id = ${cardId}) ORDER BY u.id FOR NO KEY UPDATE`;
  return tx.$queryRawUnsafe<OwnerLimitRow[]>(
    `SELECT u.id AS user_id, u.name, u.wip_limit, u.wip_policy::text AS wip_policy, ${personCountSql('u.id', '$1')} AS count
     FROM users u JOIN card_owners o ON o.user_id = u.id WHERE o.card_id = $1 AND u.wip_limit IS NOT NULL ORDER BY u.id`,
    cardId,
  );
}

/**
 * Locks people's rows (in id order, as moves lock owners) and reads those with a limit, with their counts not
 * counting `exceptCardId`: for owners given to a new card, or added to a card already in progress.
 */
export async function lockPersonLimits(tx: Tx, userIds: string[], exceptCardId: string): Promise<OwnerLimitRow[]> {
  const ids = [...new Set(userIds)].sort();
  if (!ids.length) return [];
  await tx.$queryRaw`SELECT id FROM users WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR NO KEY UPDATE`;
  return tx.$queryRaw<OwnerLimitRow[]>`
    SELECT u.id AS user_id, u.name, u.wip_limit, u.wip_policy::text AS wip_policy, ${Prisma.raw(personCountSql('u.id', 'x.except_id'))} AS count
    FROM users u CROSS JOIN (SELECT ${exceptCardId}::text AS except_id) x
    WHERE u.id IN (${Prisma.join(ids)}) AND u.wip_limit IS NOT NULL ORDER BY u.id`;
}

/** Owners joining a card in progress, under their limits: refused at a hard limit (409 naming the person), else the soft overages. */
export function admitOwners(owners: OwnerLimitRow[]): WipOverage[] {
  const decision = admitCard(owners.map((o) => ({ scope: 'person' as const, id: o.user_id, name: o.name, wipLimit: o.wip_limit, wipPolicy: o.wip_policy, count: o.count })));
  if (!decision.allowed) throw new AppError('WIP_LIMIT_REACHED', decision.message, { details: { ...decision.refusedBy } });
  return decision.overLimit;
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
  const laneCount = lane && lane.wip_limit !== null
    ? Prisma.sql`(SELECT count(*)::int FROM cards c JOIN columns k ON k.id = c.column_id WHERE c.swimlane_id = ${lane.id} AND c.archived_at IS NULL AND c.id <> ${except} AND k.flow_category IN ('TODO', 'IN_PROGRESS'))`
    : Prisma.sql`0`;
  const [row] = await tx.$queryRaw<{ column_count: number; lane_count: number; above: string | null; below: string | null }[]>`
    SELECT (SELECT count(*)::int FROM cards WHERE ${open}) AS column_count, ${laneCount} AS lane_count, ${above} AS above, ${below} AS below`;
  return { columnCount: row!.column_count, laneCount: row!.lane_count, above: row!.above, below: row!.below };
}

/** Renumbers the open cards of a column with short, evenly spaced ranks, keeping their order; returns the new card's rank. */
async function respreadColumn(tx: Tx, p: Placement, columnId: string, above: string | null): Promise<string> {
  const cards = await tx.$queryRaw<{ id: string; rank: string }[]>`
    SELECT id, rank FROM cards WHERE column_id = ${columnId} AND archived_at IS NULL AND id <> ${p.cardId ?? ''} ORDER BY rank`;
  const slot = above === null ? 0 : cards.findIndex((c) => c.rank === above) + 1;
  const ranks = spreadRanks(cards.length + 1);
  const newRank = ranks.splice(slot, 1)[0]!;
  if (cards.length) {
    const values = Prisma.join(cards.map((c, i) => Prisma.sql`(${c.id}, ${ranks[i]!})`));
    // The column condition skips a card that another transaction has just moved away.
    await tx.$executeRaw`UPDATE cards SET rank = v.rank FROM (VALUES ${values}) AS v(id, rank) WHERE cards.id = v.id AND cards.column_id = ${columnId}`;
  }
  // Moves decided without the column's lock see the epoch change and decide again.
  await tx.column.update({ where: { id: columnId }, data: { rankEpoch: { increment: 1 } } });
  await recordActivity(tx, { actorId: p.actorId, teamId: p.teamId, boardId: p.boardId, kind: activityKinds.columnReranked, to: { columnId } });
  return newRank;
}

/**
 * Opens a breach record when a soft limit is exceeded and closes it when the place is back within its limit,
 * for the places a card entered or left. Runs under the same locks as the move.
 */
export async function trackBreaches(tx: Tx, p: { boardId: string; teamId: string; actorId: string; columnIds: string[]; swimlaneIds: string[] }) {
  const places: { scope: 'column' | 'swimlane'; id: string; name: string; limit: number | null; count: number }[] = [];
  if (p.columnIds.length) {
    places.push(
      ...(await tx.$queryRaw<{ id: string; name: string; limit: number | null; count: number }[]>`
        SELECT k.id, k.name, k.wip_limit AS limit,
          (SELECT count(*)::int FROM cards c WHERE c.column_id = k.id AND c.archived_at IS NULL) AS count
        FROM columns k WHERE k.id IN (${Prisma.join(p.columnIds)})`).map((r) => ({ ...r, scope: 'column' as const })),
    );
  }
  if (p.swimlaneIds.length) {
    places.push(
      ...(await tx.$queryRaw<{ id: string; name: string; limit: number | null; count: number }[]>`
        SELECT s.id, s.name, s.wip_limit AS limit,
          (SELECT count(*)::int FROM cards c JOIN columns k ON k.id = c.column_id
            WHERE c.swimlane_id = s.id AND c.archived_at IS NULL AND k.flow_category IN ('TODO', 'IN_PROGRESS')) AS count
        FROM swimlanes s WHERE s.id IN (${Prisma.join(p.swimlaneIds)})`).map((r) => ({ ...r, scope: 'swimlane' as const })),
    );
  }
  const limited = places.filter((pl) => pl.limit !== null);
  if (!limited.length) return;
  const open = await tx.wipBreach.findMany({
    where: { boardId: p.boardId, endedAt: null, OR: [{ columnId: { in: p.columnIds } }, { swimlaneId: { in: p.swimlaneIds } }] },
  });
  const now = new Date();
  for (const place of limited) {
    const breach = open.find((b) => (place.scope === 'column' ? b.columnId : b.swimlaneId) === place.id);
    const payload = { scope: place.scope, id: place.id, name: place.name, limit: place.limit!, count: place.count };
    const base = { actorId: p.actorId, teamId: p.teamId, boardId: p.boardId, at: now };
    if (place.count > place.limit! && !breach) {
      await tx.wipBreach.create({
        data: { boardId: p.boardId, columnId: place.scope === 'column' ? place.id : null, swimlaneId: place.scope === 'swimlane' ? place.id : null, limit: place.limit!, peakCount: place.count, startedAt: now },
      });
      await recordActivity(tx, { ...base, kind: activityKinds.wipBreachStarted, to: payload });
    } else if (place.count > place.limit! && breach && place.count > breach.peakCount) {
      await tx.wipBreach.update({ where: { id: breach.id }, data: { peakCount: place.count } });
    } else if (place.count <= place.limit! && breach) {
      await tx.wipBreach.update({ where: { id: breach.id }, data: { endedAt: now } });
      await recordActivity(tx, { ...base, kind: activityKinds.wipBreachEnded, to: payload });
    }
  }
}

/** Locks places whose counts a write is about to change: columns, then swimlanes, each in id order, as every writer takes them. */
export async function lockPlaces(tx: Tx, p: { columnIds: string[]; swimlaneIds: string[] }) {
  if (p.columnIds.length) await tx.$queryRaw`SELECT id FROM columns WHERE id IN (${Prisma.join(p.columnIds)}) ORDER BY id FOR UPDATE`;
  if (p.swimlaneIds.length) await tx.$queryRaw`SELECT id FROM swimlanes WHERE id IN (${Prisma.join(p.swimlaneIds)}) ORDER BY id FOR UPDATE`;
}

/** Breach tracking for a write that did not keep its places locked: in its own transaction, under their locks, against their counts now. */
export async function trackBreachesUnderLock(db: Db, p: Parameters<typeof trackBreaches>[1]) {
  await db.$transaction(async (tx) => {
    await lockPlaces(tx, p);
    await trackBreaches(tx, p);
  });
}
