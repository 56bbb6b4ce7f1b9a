import { activityKinds } from '@amb/shared/activity';
import type { Column } from '@amb/shared/boards';
import type { createColumnBodySchema, updateColumnBodySchema } from '@amb/shared/boards';
import type { z } from 'zod';
import { AppError, notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { boardForLayout, reorder } from './layout-access';

const view = ({ id, name, position, wipLimit, wipPolicy, flowCategory, agingDays, requiresApproval }: Column) => ({
  id,
  name,
  position,
  wipLimit,
  wipPolicy,
  flowCategory,
  agingDays,
  requiresApproval,
});

export async function createColumn(
  { db, actor }: ServiceContext,
  body: z.output<typeof createColumnBodySchema>,
): Promise<Column> {
  const board = await boardForLayout(db, actor, body.boardId, 'body.boardId');
  return db.$transaction(async (tx) => {
    const columns = await tx.column.findMany({ where: { boardId: board.id }, orderBy: { position: 'asc' } });
    const created = await tx.column.create({
      data: {
        boardId: board.id,
        name: body.name,
        flowCategory: body.flowCategory,
        wipLimit: body.wipLimit,
        wipPolicy: body.wipPolicy,
        requiresApproval: body.requiresApproval,
        position: columns.length,
      },
    });
    for (const { id, position } of reorder([...columns, created], created.id, body.position ?? columns.length))
      await tx.column.update({ where: { id }, data: { position } });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: board.teamId,
      boardId: board.id,
      kind: activityKinds.columnCreated,
      to: {
        columnId: created.id,
        name: created.name,
        position: created.position,
        wipLimit: created.wipLimit,
        wipPolicy: created.wipPolicy,
        flowCategory: created.flowCategory,
        requiresApproval: created.requiresApproval,
      },
    });
    return view(await tx.column.findUniqueOrThrow({ where: { id: created.id } }));
  });
}

async function columnForLayout(ctx: ServiceContext, columnId: string) {
  const column = await ctx.db.column.findUnique({ where: { id: columnId } });
  if (!column) throw notFound('Column');
  const board = await boardForLayout(ctx.db, ctx.actor, column.boardId);
  return { column, board };
}

/** Renames a column, sets its WIP limit and policy, its flow category, or its place on the board. */
export async function updateColumn(
  ctx: ServiceContext,
  columnId: string,
  body: z.output<typeof updateColumnBodySchema>,
): Promise<Column> {
  const { column, board } = await columnForLayout(ctx, columnId);
  return ctx.db.$transaction(async (tx) => {
    const { position, ...fields } = body;
    await tx.column.update({ where: { id: columnId }, data: fields });
    if (position !== undefined) {
      const columns = await tx.column.findMany({ where: { boardId: board.id }, orderBy: { position: 'asc' } });
      for (const p of reorder(columns, columnId, position))
        await tx.column.update({ where: { id: p.id }, data: { position: p.position } });
    }
    const keys = (Object.keys(body) as (keyof typeof body)[]).filter(
      (k) => body[k] !== undefined && column[k] !== body[k],
    );
    const from = Object.fromEntries(keys.map((k) => [k, column[k]]));
    const to = Object.fromEntries(keys.map((k) => [k, body[k]]));
    await recordActivity(tx, {
      actorId: ctx.actor.id,
      teamId: board.teamId,
      boardId: board.id,
      kind: activityKinds.columnUpdated,
      from: { columnId, ...from },
      to: { columnId, ...to },
    });
    return view(await tx.column.findUniqueOrThrow({ where: { id: columnId } }));
  });
}

/** Deletes an empty column. One that holds cards (archived ones too) must be emptied first. */
export async function deleteColumn(ctx: ServiceContext, columnId: string) {
  const { column, board } = await columnForLayout(ctx, columnId);
  const [open, archived] = await Promise.all([
    ctx.db.card.count({ where: { columnId, archivedAt: null } }),
    ctx.db.card.count({ where: { columnId, archivedAt: { not: null } } }),
  ]);
  if (open + archived > 0) {
    const what = [
      open && `${open} card${open > 1 ? 's' : ''}`,
      archived && `${archived} archived card${archived > 1 ? 's' : ''}`,
    ]
      .filter(Boolean)
      .join(' and ');
    throw new AppError(
      'CONFLICT',
      `Column "${column.name}" holds ${what}; move them to another column before deleting it`,
      { details: { open, archived } },
    );
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.column.delete({ where: { id: columnId } });
    const rest = await tx.column.findMany({ where: { boardId: board.id }, orderBy: { position: 'asc' } });
    for (const [position, c] of rest.entries())
      if (c.position !== position) await tx.column.update({ where: { id: c.id }, data: { position } });
    await recordActivity(tx, {
      actorId: ctx.actor.id,
      teamId: board.teamId,
      boardId: board.id,
      kind: activityKinds.columnDeleted,
      from: { columnId, name: column.name },
    });
  });
  return { ok: true as const };
}
