import type { ImportJob as ImportJobView, ImportNote, ImportSkip } from '@amb/shared/imports';
import type { ImportJob } from '../../generated/prisma/client';

export function importView(job: ImportJob): ImportJobView {
  return {
    id: job.id,
    teamId: job.teamId,
    boardId: job.boardId,
    format: job.format as ImportJobView['format'],
    fileName: job.fileName,
    status: job.status,
    total: job.total,
    processed: job.processed,
    created: job.created,
    skipped: job.skipped as ImportSkip[],
    notes: job.notes as ImportNote[],
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
