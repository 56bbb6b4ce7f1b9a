import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma';
import { BackgroundWork } from '../../lib/background-work';
import { failAbandonedImports, IMPORT_LEASE_MS } from './fail-import';
import { runNextImport } from './run-import';

/**
 * Runs queued imports in the background of an API process, one at a time. `kick` after queueing one; on start
 * it fails the imports a stopped process left running (taking their cards back) and picks up what is waiting,
 * and it looks again every half lease period; `close` waits for the import under way (each batch is its own
 * transaction; the rest is picked up on the next start). Several processes may run side by side: each job is
 * claimed by one.
 */
export class ImportRunner extends BackgroundWork {
  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {
    super(IMPORT_LEASE_MS / 2, () => this.drain());
  }

  private async drain() {
    try {
      const failed = await failAbandonedImports(this.db);
      if (failed) this.log.warn({ failed }, 'Imports left running by a stopped server were failed and their cards taken back');
    } catch (error) {
      this.log.error({ err: error }, 'Looking for imports left running failed');
    }
    for (;;) {
      if (this.closed) return;
      try {
        if (!(await runNextImport(this.db))) return;
      } catch (error) {
        this.log.error({ err: error }, 'An import failed');
      }
    }
  }
}
