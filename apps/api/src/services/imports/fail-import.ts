import { activityKinds } from '@amb/shared/activity';
import type { Db, Prisma } from '../../db/prisma';
import { recordActivity, type ActivityEntry } from '../activity/record-activity';

// An import that cannot finish leaves nothing behind: its cards (found by `cards.import_job_id`, with what hangs
// off them), and the columns and swimlanes it added while no card is in them, are taken away in the same
// transaction that marks the job failed. A job is taken for dead when its
// process has renewed no lease for IMPORT_LEASE_MS: every batch renews it, so a live job is never taken.

/** How long a running import may go without finishing a batch before it is taken for dead. */
export const IMPORT_LEASE_MS = 2 * 60_000;
/** Taking back a job's cards is background work too: it may take longer than a request's transaction. */
const TAKE_BACK = { timeout: 60_000, maxWait: 60_000 };

/** Thrown inside a batch whose job is no longer running (another process gave it up); the batch rolls back. */
export class ImportStopped extends Error {
  override name = 'ImportStopped';
}

/** Renews the job's lease within a batch's transaction, holding its row until the batch commits. */
export async function renewLease(tx: Prisma.TransactionClient, jobId: string) {
  const renewed =
    await tx.$executeRaw`UPDATE import_jobs SET heartbeat_at = now() WHERE id = ${jobId} AND status = 'RUNNING'`;
  if (renewed === 0) throw new ImportStopped(`Import ${jobId} is no longer running`);
}

/** Takes back what a job wrote and marks it failed with `reason`; false when the job was not running. */
async function takeBack(tx: Prisma.TransactionClient, jobId: string, reason: string) {
  const [job] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM import_jobs WHERE id = ${jobId} AND status = 'RUNNING' FOR UPDATE`;
  if (!job) return false;
  await tx.$executeRaw`DELETE FROM card_flow WHERE card_id IN (SELECT id FROM cards WHERE import_job_id = ${jobId})`;
  const removed = await tx.card.deleteMany({ where: { importJobId: jobId } });
  // What it added to the board goes too, unless someone has put a card in it meanwhile.
  // DELETE … RETURNING has no order of its own: named in the board's order, left to right and top to bottom.
  const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
  const columns = (
    await tx.$queryRaw<{ id: string; name: string; board_id: string; position: number }[]>`
    DELETE FROM columns k WHERE k.import_job_id = ${jobId} AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.column_id = k.id) RETURNING k.id, k.name, k.board_id, k.position`
  ).sort(byPosition);
  const lanes = (
    await tx.$queryRaw<{ id: string; name: string; board_id: string; position: number }[]>`
    DELETE FROM swimlanes l WHERE l.import_job_id = ${jobId} AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.swimlane_id = l.id) RETURNING l.id, l.name, l.board_id, l.position`
  ).sort(byPosition);
  if (columns.length || lanes.length) {
    const { team_id: teamId } = (
      await tx.$queryRaw<{ team_id: string }[]>`SELECT team_id FROM import_jobs WHERE id = ${jobId}`
    )[0]!;
    await recordActivity(
      tx,
      ...columns.map((c): ActivityEntry => ({
        actorId: null,
        teamId,
        boardId: c.board_id,
        kind: activityKinds.columnDeleted,
        from: { columnId: c.id, name: c.name },
      })),
      ...lanes.map((l): ActivityEntry => ({
        actorId: null,
        teamId,
        boardId: l.board_id,
        kind: activityKinds.swimlaneDeleted,
        from: { swimlaneId: l.id, name: l.name },
      })),
    );
  }
  const named = (what: string, list: { name: string }[]) =>
    `the ${what}${list.length === 1 ? '' : 's'} it added (${list.map((x) => x.name).join(', ')})`;
  const taken = [
    ...(removed.count ? [`the ${removed.count} card${removed.count === 1 ? '' : 's'} it had written`] : []),
    ...(columns.length ? [named('column', columns)] : []),
    ...(lanes.length ? [named('swimlane', lanes)] : []),
  ];
  const one = removed.count + columns.length + lanes.length === 1;
  const kept = taken.length
    ? ` ${taken.join(' and ').replace(/^t/, 'T')} ${one ? 'was' : 'were'} taken away again.`
    : '';
  await tx.importJob.update({
    where: { id: jobId },
    data: {
      status: 'FAILED',
      created: 0,
      error: `${reason}${kept} Nothing from this import is on the board; import the file again.`.slice(0, 1000),
      finishedAt: new Date(),
    },
  });
  return true;
}

export function failImport(db: Db, jobId: string, reason: string) {
  return db.$transaction((tx) => takeBack(tx, jobId, reason), TAKE_BACK);
}

/** Fails the running imports whose process stopped (on start-up and from time to time); returns how many. */
export async function failAbandonedImports(db: Db, leaseMs = IMPORT_LEASE_MS): Promise<number> {
  let failed = 0;
  for (;;) {
    const one = await db.$transaction(async (tx) => {
      // SKIP LOCKED: a job whose batch is being written right now is alive, and another process may be failing one.
      const [job] = await tx.$queryRaw<{ id: string; heartbeat_at: Date | null }[]>`
        SELECT id, heartbeat_at FROM import_jobs
        WHERE status = 'RUNNING' AND (heartbeat_at IS NULL OR heartbeat_at < now() - ${`${leaseMs} milliseconds`}::interval)
        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!job) return false;
      const since = job.heartbeat_at
        ? ` (its last progress was at ${job.heartbeat_at.toISOString().slice(0, 16).replace('T', ' ')} UTC)`
        : '';
      return takeBack(tx, job.id, `The import stopped because the server running it stopped${since}.`);
    }, TAKE_BACK);
    if (!one) return failed;
    failed++;
  }
}
