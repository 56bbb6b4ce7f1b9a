import { cleanText, IMPORT_MAX_QUEUED_PER_TEAM, type ImportPlan, type StartImportBody } from '@amb/shared/imports';
import { AppError, notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { importView } from './import-view';
import type { ImportChecker } from './import-checker';

/**
 * Checks an import file whole and queues it as a job for the team's board; the job runs in the background
 * (runImports). Scrum masters and admins import: an import may add columns. A file that cannot be imported is
 * refused here, with nothing written.
 */
export async function startImport(
  { db, actor }: ServiceContext,
  teamId: string,
  body: StartImportBody,
  o: { requestId: string; checker: ImportChecker },
) {
  await requireTeamAccess(db, actor, teamId, 'manage-board');
  // A team may queue a few imports, not flood the queue: each waits its turn behind the team's others.
  const waiting = await db.importJob.count({ where: { teamId, status: { in: ['QUEUED', 'RUNNING'] } } });
  if (waiting >= IMPORT_MAX_QUEUED_PER_TEAM) {
    throw new AppError(
      'RATE_LIMITED',
      `This team already has ${waiting} imports waiting or under way; import again once one has finished`,
    );
  }
  const board = await db.board.findFirst({
    where: { teamId, archivedAt: null },
    orderBy: { createdAt: 'asc' },
    select: { id: true, columns: { orderBy: { position: 'asc' }, select: { name: true } } },
  });
  if (!board) throw notFound('Board');
  // Checked in a worker thread: a large file takes seconds of CPU that the event loop must not spend.
  const plan = await o.checker.check({ body, boardColumns: board.columns.map((c) => c.name) });
  if (!plan.ok)
    throw new AppError('VALIDATION_FAILED', plan.message, { fields: [{ field: plan.field, message: plan.message }] });
  if (
    plan.replaceColumns &&
    (await db.card.count({
      where: { boardId: board.id, OR: [{ sourceId: null }, { NOT: { sourceId: { startsWith: 'board:' } } }] },
    }))
  ) {
    throw new AppError('CONFLICT', 'A board export can only be imported into a team whose board has no cards yet');
  }
  const job = await db.$transaction(async (tx) => {
    const created = await tx.importJob.create({
      data: {
        teamId,
        boardId: board.id,
        createdById: actor.id,
        format: body.format,
        fileName: cleanText(body.fileName),
        plan: {},
        total: plan.total,
        skipped: plan.skipped,
        notes: plan.notes,
        requestId: o.requestId,
      },
    });
    // The plan as the worker wrote it: no second pass over it here.
    await tx.$executeRaw`UPDATE import_jobs SET plan = ${plan.planJson}::jsonb WHERE id = ${created.id}`;
    return created;
  });
  return importView(job);
}

export type { ImportPlan };
