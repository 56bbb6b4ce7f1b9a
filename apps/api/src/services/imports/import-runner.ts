import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma';
import { BackgroundWork } from '../../lib/background-work';
import { failAbandonedImports, IMPORT_LEASE_MS } from './fail-import';
import { claimNextImport, runClaimedImport, type ImportHooks } from './run-import';

/** How many imports one API process runs side by side, each of a different team. */
export const IMPORTS_SIDE_BY_SIDE = 3;

/**
 * Runs queued imports in the background of an API process: up to IMPORTS_SIDE_BY_SIDE at once, never two of one
 * team, so a team's small import does not wait behind another team's large one; their batches take turns. `kick`
 * after queueing one; on start it fails the imports a stopped process left running (taking their cards back) and
 * picks up what is waiting, and it looks again every half lease period; `close` waits for the imports under way
 * (each batch is its own transaction; the rest is picked up on the next start). Several processes may run side by
 * side: each job is claimed by one.
 */
export class ImportRunner extends BackgroundWork {
  private readonly underWay = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly hooks: Omit<ImportHooks, 'log'> = {},
  ) {
    super(IMPORT_LEASE_MS / 2, () => this.drain());
  }

  private async drain() {
    try {
      const failed = await failAbandonedImports(this.db);
      if (failed)
        this.log.warn({ failed }, 'Imports left running by a stopped server were failed and their cards taken back');
    } catch (error) {
      this.log.error({ err: error }, 'Looking for imports left running failed');
    }
    while (!this.closed && this.underWay.size < IMPORTS_SIDE_BY_SIDE) {
      let jobId: string | null;
      try {
        jobId = await claimNextImport(this.db);
      } catch (error) {
        this.log.error({ err: error }, 'Claiming an import failed');
        return;
      }
      if (!jobId) return;
      const run: Promise<void> = runClaimedImport(this.db, jobId, { ...this.hooks, log: this.log })
        // runClaimedImport has logged it and taken the import back.
        .catch(() => undefined)
        .finally(() => {
          this.underWay.delete(run);
          // A slot is free, and the team's next import may now run.
          this.kick();
        });
      this.underWay.add(run);
    }
  }

  override async close() {
    await super.close();
    await Promise.all(this.underWay);
  }
}
