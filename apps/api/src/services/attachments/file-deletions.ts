import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/prisma';
import { BackgroundWork } from '../../lib/background-work';
import type { FileStorage } from '../../lib/file-storage/file-storage';
import { thumbnailKey } from './make-thumbnail';

const BATCH = 100;

/**
 * Removes stored files whose rows are gone, after the commit that let them go: a deleted attachment, or a card,
 * board or team deleted with its attachments (the database queues their keys in `file_deletions`). A key is
 * forgotten only once the storage has removed it, so a storage that is away for a while is tried again.
 */
export class FileDeletions extends BackgroundWork {
  constructor(
    private readonly db: Db,
    private readonly storage: FileStorage,
    private readonly log: FastifyBaseLogger,
    intervalMs = 60_000,
  ) {
    super(intervalMs, () =>
      this.sweep().then(
        () => {},
        (error: unknown) => this.log.warn({ err: error }, 'removing deleted files failed; will try again'),
      ),
    );
  }

  /** Removes everything queued; resolves with how many files went. */
  async sweep(): Promise<number> {
    let removed = 0;
    for (;;) {
      if (this.closed) return removed;
      const batch = await this.db.fileDeletion.findMany({ orderBy: { queuedAt: 'asc' }, take: BATCH });
      if (batch.length === 0) return removed;
      const done: string[] = [];
      for (const { storageKey } of batch) {
        try {
          await this.storage.delete(storageKey);
          await this.storage.delete(thumbnailKey(storageKey));
          done.push(storageKey);
        } catch (error) {
          this.log.warn({ err: error, storageKey }, 'could not remove a stored file; will try again');
        }
      }
      await this.db.fileDeletion.deleteMany({ where: { storageKey: { in: done } } });
      removed += done.length;
      if (done.length < batch.length) return removed;
    }
  }
}
