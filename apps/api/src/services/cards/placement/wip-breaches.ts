// Breaches of soft WIP limits, kept as cards enter and leave places: the rule is breachChange in packages/domain.
import { breachChange } from '@amb/domain/wip-breaches';
import { activityKinds } from '@amb/shared/activity';
import { Prisma, type Db } from '../../../db/prisma';
import { recordActivity } from '../../activity/record-activity';
import { lockPlaces } from './lock-order';

type Tx = Prisma.TransactionClient;

/**
 * Opens a breach record when a soft limit is exceeded and closes it when the place is back within its limit,
 * for the places a card entered or left. Runs under the same locks as the move.
 */
export async function trackBreaches(
  tx: Tx,
  p: { boardId: string; teamId: string; actorId: string; columnIds: string[]; swimlaneIds: string[] },
) {
  const places: { scope: 'column' | 'swimlane'; id: string; name: string; limit: number | null; count: number }[] = [];
  if (p.columnIds.length) {
    places.push(
      ...(
        await tx.$queryRaw<{ id: string; name: string; limit: number | null; count: number }[]>`
        SELECT k.id, k.name, k.wip_limit AS limit,
          (SELECT count(*)::int FROM cards c WHERE c.column_id = k.id AND c.archived_at IS NULL) AS count
        FROM columns k WHERE k.id IN (${Prisma.join(p.columnIds)})`
      ).map((r) => ({ ...r, scope: 'column' as const })),
    );
  }
  if (p.swimlaneIds.length) {
    places.push(
      ...(
        await tx.$queryRaw<{ id: string; name: string; limit: number | null; count: number }[]>`
        SELECT s.id, s.name, s.wip_limit AS limit, swimlane_wip_count(s.id, '') AS count
        FROM swimlanes s WHERE s.id IN (${Prisma.join(p.swimlaneIds)})`
      ).map((r) => ({ ...r, scope: 'swimlane' as const })),
    );
  }
  const limited = places.filter((pl) => pl.limit !== null);
  if (!limited.length) return;
  const open = await tx.wipBreach.findMany({
    where: {
      boardId: p.boardId,
      endedAt: null,
      OR: [{ columnId: { in: p.columnIds } }, { swimlaneId: { in: p.swimlaneIds } }],
    },
  });
  const now = new Date();
  for (const place of limited) {
    const breach = open.find((b) => (place.scope === 'column' ? b.columnId : b.swimlaneId) === place.id);
    const payload = { scope: place.scope, id: place.id, name: place.name, limit: place.limit!, count: place.count };
    const base = { actorId: p.actorId, teamId: p.teamId, boardId: p.boardId, at: now };
    const change = breachChange(place.count, place.limit!, breach ?? null);
    if (change === 'start') {
      await tx.wipBreach.create({
        data: {
          boardId: p.boardId,
          columnId: place.scope === 'column' ? place.id : null,
          swimlaneId: place.scope === 'swimlane' ? place.id : null,
          limit: place.limit!,
          peakCount: place.count,
          startedAt: now,
        },
      });
      await recordActivity(tx, { ...base, kind: activityKinds.wipBreachStarted, to: payload });
    } else if (change === 'peak') {
      await tx.wipBreach.update({ where: { id: breach!.id }, data: { peakCount: place.count } });
    } else if (change === 'end') {
      await tx.wipBreach.update({ where: { id: breach!.id }, data: { endedAt: now } });
      await recordActivity(tx, { ...base, kind: activityKinds.wipBreachEnded, to: payload });
    }
  }
}

/** Breach tracking for a write that did not keep its places locked: in its own transaction, under their locks, against their counts now. */
export async function trackBreachesUnderLock(db: Db, p: Parameters<typeof trackBreaches>[1]) {
  await db.$transaction(async (tx) => {
    await lockPlaces(tx, p);
    await trackBreaches(tx, p);
  });
}
