import { isOrgWide } from '@amb/domain/access';
import type { Db, Prisma } from '../../../db/prisma';
import { AppError } from '../../../lib/app-error';
import type { Actor } from '../../context';

/** Only the PMO and admins set the portfolio stages and map columns onto them. */
export function requireStageManager(actor: Actor) {
  if (!isOrgWide(actor.orgRole)) throw new AppError('FORBIDDEN', 'Only the PMO or an admin can change the portfolio stages');
}

/**
 * Runs a change to the stages or the mapping. Writes to the stage rollup wait meanwhile (and the change waits for
 * those in flight), so a card moved during the change is counted under the new stages once it commits. Columns the
 * change updates are locked first, in the order a card move takes its locks (column, then rollup), so the two never
 * wait on each other in a circle.
 */
export function changeStages<T>(db: Db, change: (tx: Prisma.TransactionClient) => Promise<T>, columns: (tx: Prisma.TransactionClient) => Promise<string[]> = async () => []): Promise<T> {
  return db.$transaction(async (tx) => {
    const ids = await columns(tx);
    if (ids.length) await tx.$executeRaw`SELECT 1 FROM columns WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
    await tx.$executeRaw`LOCK TABLE card_stage_flow IN SHARE ROW EXCLUSIVE MODE`;
    return change(tx);
  });
}

/** Recomputes the stage rollups from the log, for some teams or (null) every team. */
export async function rebuildStageFlow(tx: Prisma.TransactionClient, teamIds: string[] | null) {
  await tx.$executeRaw`SELECT rebuild_card_stage_flow(${teamIds}::text[])`;
}

/** Writes positions 0..n-1 in the given order. */
export async function writePositions(tx: Prisma.TransactionClient, stageIds: string[]) {
  await tx.$executeRaw`UPDATE portfolio_stages s SET position = o.i - 1 FROM unnest(${stageIds}::text[]) WITH ORDINALITY AS o(id, i) WHERE s.id = o.id AND s.position <> o.i - 1`;
}
