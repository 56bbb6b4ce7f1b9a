import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma';
import { runNextImport } from './run-import';

/**
 * Runs queued imports in the background of an API process, one at a time. `kick` after queueing one; on start
 * it picks up what is waiting. Several processes may run side by side: each job is claimed by exactly one.
 */
export class ImportRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  kick() {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again && !this.closed) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async drain() {
    for (;;) {
      if (this.closed) return;
      try {
        if (!(await runNextImport(this.db))) return;
      } catch (error) {
        this.log.error({ err: error }, 'An import failed');
      }
    }
  }

  /** Waits for the import under way (each batch is its own transaction; the rest is picked up on the next start). */
  async close() {
    this.closed = true;
    await this.running;
  }
}
