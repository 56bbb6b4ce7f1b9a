import { isOrgWide } from '@amb/domain/access';
import type { Db, Prisma } from '../../../db/prisma';
import { AppError } from '../../../lib/app-error';
import type { Actor } from '../../context';

/** Only the PMO and admins set the portfolio stages and map columns onto them. */
export function requireStageManager(actor: Actor) {
  if (!isOrgWide(actor.orgRole))
    throw new AppError('FORBIDDEN', 'Only the PMO or an admin can change the portfolio stages');
}

/**
 * Runs a change to the stages or the mapping. Columns the change names are locked first, in the order a card move
 * takes its locks (column, then rollup), so the two never wait on each other in a circle. A change to the stages
 * themselves (`wholeRollup`) also makes every write to the stage rollup wait until it commits (and waits for those
 * in flight), so no move is counted under stages that are going away; a change to one team's mapping locks that
 * team's columns instead, and other teams' moves go on. With `recount`, every team's rollup is recounted after
 * the change commits (see stage-recounts).
 */
export function changeStages<T>(
  db: Db,
  change: (tx: Prisma.TransactionClient) => Promise<T>,
  {
    columns = async () => [],
    wholeRollup = true,
    recount = false,
  }: { columns?: (tx: Prisma.TransactionClient) => Promise<string[]>; wholeRollup?: boolean; recount?: boolean } = {},
): Promise<T> {
  return db.$transaction(
    async (tx) => {
      // First, as a recount takes its team's request first: a recount under way finishes before the change goes on.
      if (recount) await requestRecount(tx);
      const ids = await columns(tx);
      if (ids.length) await tx.$executeRaw`SELECT 1 FROM columns WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
      if (wholeRollup) await tx.$executeRaw`LOCK TABLE card_stage_flow IN SHARE ROW EXCLUSIVE MODE`;
      return change(tx);
      // A new stage copies a stage's arrivals, and a removed one takes its rows along: hundreds of thousands of rows
      // in a large organisation, which take longer than an interactive transaction's usual five seconds.
    },
    { timeout: 120_000 },
  );
}

/** Every team's rollup waits to be recounted. */
async function requestRecount(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`
    INSERT INTO stage_recounts (team_id, requested_at) SELECT id, now() FROM teams
    ON CONFLICT (team_id) DO UPDATE SET requested_at = EXCLUDED.requested_at`;
}

/** Recomputes the stage rollups from the log, for some teams or (null) every team. */
export async function rebuildStageFlow(tx: Prisma.TransactionClient, teamIds: string[] | null) {
  await tx.$executeRaw`SELECT rebuild_card_stage_flow(${teamIds}::text[])`;
}

/** Writes positions 0..n-1 in the given order. */
export async function writePositions(tx: Prisma.TransactionClient, stageIds: string[]) {
  await tx.$executeRaw`UPDATE portfolio_stages s SET position = o.i - 1 FROM unnest(${stageIds}::text[]) WITH ORDINALITY AS o(id, i) WHERE s.id = o.id AND s.position <> o.i - 1`;
}
