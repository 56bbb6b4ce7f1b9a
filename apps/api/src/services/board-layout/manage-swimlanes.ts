import { activityKinds } from '@amb/shared/activity';
import type { Swimlane } from '@amb/shared/boards';
import type { createSwimlaneBodySchema, updateSwimlaneBodySchema } from '@amb/shared/boards';
import type { z } from 'zod';
import { notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { boardForLayout, reorder } from './layout-access';

const view = ({ id, name, position, wipLimit, wipPolicy }: Swimlane) => ({ id, name, position, wipLimit, wipPolicy });

export async function createSwimlane(
  { db, actor }: ServiceContext,
  body: z.output<typeof createSwimlaneBodySchema>,
): Promise<Swimlane> {
  const board = await boardForLayout(db, actor, body.boardId, 'body.boardId');
  return db.$transaction(async (tx) => {
    const lanes = await tx.swimlane.findMany({ where: { boardId: board.id }, orderBy: { position: 'asc' } });
    const created = await tx.swimlane.create({
      data: {
        boardId: board.id,
        name: body.name,
        wipLimit: body.wipLimit,
        wipPolicy: body.wipPolicy,
        position: lanes.length,
      },
    });
    for (const p of reorder([...lanes, created], created.id, body.position ?? lanes.length))
      await tx.swimlane.update({ where: { id: p.id }, data: { position: p.position } });
    await recordActivity(tx, {
      actorId: actor.id,
      teamId: board.teamId,
      boardId: board.id,
      kind: activityKinds.swimlaneCreated,
      to: {
        swimlaneId: created.id,
        name: created.name,
        position: created.position,
        wipLimit: created.wipLimit,
        wipPolicy: created.wipPolicy,
      },
    });
    return view(await tx.swimlane.findUniqueOrThrow({ where: { id: created.id } }));
  });
}

async function laneForLayout(ctx: ServiceContext, swimlaneId: string) {
  const lane = await ctx.db.swimlane.findUnique({ where: { id: swimlaneId } });
  if (!lane) throw notFound('Swimlane');
  return { lane, board: await boardForLayout(ctx.db, ctx.actor, lane.boardId) };
}

export async function updateSwimlane(
  ctx: ServiceContext,
  swimlaneId: string,
  body: z.output<typeof updateSwimlaneBodySchema>,
): Promise<Swimlane> {
  const { lane, board } = await laneForLayout(ctx, swimlaneId);
  return ctx.db.$transaction(async (tx) => {
    const { position, ...fields } = body;
    await tx.swimlane.update({ where: { id: swimlaneId }, data: fields });
    if (position !== undefined) {
      const lanes = await tx.swimlane.findMany({ where: { boardId: board.id }, orderBy: { position: 'asc' } });
      for (const p of reorder(lanes, swimlaneId, position))
        await tx.swimlane.update({ where: { id: p.id }, data: { position: p.position } });
    }
    await recordActivity(tx, {
      actorId: ctx.actor.id,
      teamId: board.teamId,
      boardId: board.id,
      kind: activityKinds.swimlaneUpdated,
      from: {
        swimlaneId,
        name: lane.name,
        position: lane.position,
        wipLimit: lane.wipLimit,
        wipPolicy: lane.wipPolicy,
      },
      to: { swimlaneId, ...body },
    });
    return view(await tx.swimlane.findUniqueOrThrow({ where: { id: swimlaneId } }));
  });
}

/** Deletes a swimlane; its cards stay on the board, outside any swimlane. */
export async function deleteSwimlane(ctx: ServiceContext, swimlaneId: string) {
  const { lane, board } = await laneForLayout(ctx, swimlaneId);
  await ctx.db.$transaction(async (tx) => {
    await tx.card.updateMany({ where: { swimlaneId }, data: { swimlaneId: null, version: { increment: 1 } } });
    await tx.swimlane.delete({ where: { id: swimlaneId } });
    await recordActivity(tx, {
      actorId: ctx.actor.id,
      teamId: board.teamId,
      boardId: board.id,
      kind: activityKinds.swimlaneDeleted,
      from: { swimlaneId, name: lane.name },
    });
  });
  return { ok: true as const };
}
