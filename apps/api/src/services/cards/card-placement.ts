import { needsRespread, rankBetween, spreadRanks } from '@amb/domain/ranks';
import { admitCard, countsTowardSwimlaneLimit, type FlowCategory, type WipOverage, type WipPlace, type WipPolicy } from '@amb/domain/wip';
import { activityKinds } from '@amb/shared/activity';
import { Prisma } from '../../db/prisma';
import { AppError, invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';

type Tx = Prisma.TransactionClient;

interface ColumnRow {
  id: string;
  board_id: string;
  name: string;
  wip_limit: number | null;
  wip_policy: WipPolicy;
  flow_category: FlowCategory;
}
interface SwimlaneRow {
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
  to: CardPlace;
  /** Right after this card; 'top' or 'bottom' of the column. */
  after: string | 'top' | 'bottom';
  /** The request field that named `after`, for a precise 400. */
  afterField?: string;
  actorId: string;
  teamId: string;
}

export interface PlacementResult {
  rank: string;
  target: ColumnRow;
  source: ColumnRow | null;
  overLimit: WipOverage[];
}

/**
 * Locks the columns (and swimlanes) a card leaves and enters, decides the move under their WIP limits and
 * finds its rank. The locks are held until the caller's transaction ends, so concurrent moves into one column
 * are counted one after another and a hard limit cannot be overrun. Locks are taken in id order: no deadlocks.
 */
export async function placeCard(tx: Tx, p: Placement): Promise<PlacementResult> {
  const columnIds = [...new Set([p.to.columnId, p.from?.columnId].filter((id): id is string => Boolean(id)))].sort();
  const columns = await tx.$queryRaw<ColumnRow[]>`
    SELECT id, board_id, name, wip_limit, wip_policy::text AS wip_policy, flow_category::text AS flow_category
    FROM columns WHERE id IN (${Prisma.join(columnIds)}) ORDER BY id FOR UPDATE`;
  const target = columns.find((c) => c.id === p.to.columnId);
  if (!target || target.board_id !== p.boardId) throw invalidField('body.columnId', 'must be a column of this card’s board');
  const source = p.from ? (columns.find((c) => c.id === p.from!.columnId) ?? null) : null;

  const laneIds = [...new Set([p.to.swimlaneId, p.from?.swimlaneId].filter((id): id is string => Boolean(id)))].sort();
  const lanes = laneIds.length
    ? await tx.$queryRaw<SwimlaneRow[]>`
        SELECT id, board_id, name, wip_limit, wip_policy::text AS wip_policy
        FROM swimlanes WHERE id IN (${Prisma.join(laneIds)}) ORDER BY id FOR UPDATE`
    : [];
  const targetLane = p.to.swimlaneId ? lanes.find((l) => l.id === p.to.swimlaneId) : null;
  if (p.to.swimlaneId && (!targetLane || targetLane.board_id !== p.boardId)) throw invalidField('body.swimlaneId', 'must be a swimlane of this card’s board');

  // A card already counted in a place does not enter it again (reordering within a full column is fine).
  const places: WipPlace[] = [];
  const others = p.cardId ?? '';
  if (target.wip_limit !== null && p.from?.columnId !== target.id) {
    places.push({ scope: 'column', id: target.id, name: target.name, wipLimit: target.wip_limit, wipPolicy: target.wip_policy, count: await countInColumn(tx, target.id, others) });
  }
  const countedInLaneBefore = Boolean(p.from && source && p.from.swimlaneId === p.to.swimlaneId && countsTowardSwimlaneLimit(source.flow_category));
  if (targetLane && targetLane.wip_limit !== null && countsTowardSwimlaneLimit(target.flow_category) && !countedInLaneBefore) {
    places.push({ scope: 'swimlane', id: targetLane.id, name: targetLane.name, wipLimit: targetLane.wip_limit, wipPolicy: targetLane.wip_policy, count: await countInSwimlane(tx, targetLane.id, others) });
  }
  const decision = admitCard(places);
  if (!decision.allowed) {
    throw new AppError('WIP_LIMIT_REACHED', decision.message, { details: { ...decision.refusedBy } });
  }

  const rank = await rankFor(tx, p, target.id);
  return { rank, target, source, overLimit: decision.overLimit };
}

async function countInColumn(tx: Tx, columnId: string, exceptCardId: string) {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM cards WHERE column_id = ${columnId} AND archived_at IS NULL AND id <> ${exceptCardId}`;
  return row!.n;
}

async function countInSwimlane(tx: Tx, swimlaneId: string, exceptCardId: string) {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM cards c JOIN columns k ON k.id = c.column_id
    WHERE c.swimlane_id = ${swimlaneId} AND c.archived_at IS NULL AND c.id <> ${exceptCardId}
      AND k.flow_category IN ('TODO', 'IN_PROGRESS')`;
  return row!.n;
}

/** The rank between the card above and the one below; re-spreads the column when ranks grew too long. */
async function rankFor(tx: Tx, p: Placement, columnId: string): Promise<string> {
  const except = p.cardId ?? '';
  let above: string | null = null;
  let below: string | null = null;
  if (p.after === 'top') {
    below = await firstRank(tx, columnId, except, null);
  } else if (p.after === 'bottom') {
    const [row] = await tx.$queryRaw<{ rank: string }[]>`
      SELECT rank FROM cards WHERE column_id = ${columnId} AND archived_at IS NULL AND id <> ${except} ORDER BY rank DESC LIMIT 1`;
    above = row?.rank ?? null;
  } else {
    const [row] = await tx.$queryRaw<{ rank: string }[]>`
      SELECT rank FROM cards WHERE id = ${p.after} AND column_id = ${columnId} AND archived_at IS NULL AND id <> ${except}`;
    if (!row) throw invalidField(p.afterField ?? 'body.afterCardId', 'must be an open card in the target column, other than the card moved');
    above = row.rank;
    below = await firstRank(tx, columnId, except, above);
  }
  const rank = rankBetween(above, below);
  if (!needsRespread(rank)) return rank;
  return respreadColumn(tx, p, columnId, above);
}

async function firstRank(tx: Tx, columnId: string, except: string, after: string | null) {
  const rows = after === null
    ? await tx.$queryRaw<{ rank: string }[]>`
        SELECT rank FROM cards WHERE column_id = ${columnId} AND archived_at IS NULL AND id <> ${except} ORDER BY rank LIMIT 1`
    : await tx.$queryRaw<{ rank: string }[]>`
        SELECT rank FROM cards WHERE column_id = ${columnId} AND archived_at IS NULL AND id <> ${except} AND rank > ${after} ORDER BY rank LIMIT 1`;
  return rows[0]?.rank ?? null;
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
    const payload = { scope: place.scope, id: place.id, name: place.name, limit: place.limit, count: place.count };
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
