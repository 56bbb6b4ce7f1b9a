import { stageOfColumn } from '@amb/domain/portfolio-stages';
import { activityKinds } from '@amb/shared/activity';
import type { MappedColumn } from '@amb/shared/portfolio-stages';
import { invalidField, notFound } from '../../../lib/app-error';
import { recordActivity } from '../../activity/record-activity';
import type { ServiceContext } from '../../context';
import { listStages } from './list-stages';
import { changeStages, rebuildStageFlow, requireStageManager } from './stage-writes';

/**
 * Maps a column onto a stage of its flow category (null: the category's first stage) and recounts the arrivals of
 * the column's team, whose history now lands in that stage.
 */
export async function mapColumn(
  { db, actor }: ServiceContext,
  columnId: string,
  stageId: string | null,
): Promise<MappedColumn> {
  requireStageManager(actor);
  return changeStages(
    db,
    async (tx) => {
      const column = await tx.column.findUnique({
        where: { id: columnId },
        select: {
          id: true,
          name: true,
          flowCategory: true,
          portfolioStageId: true,
          board: { select: { teamId: true } },
        },
      });
      if (!column) throw notFound('Column');
      const stages = await listStages(tx);
      if (stageId !== null) {
        const stage = stages.find((s) => s.id === stageId);
        if (!stage) throw invalidField('body.stageId', 'names no stage');
        if (stage.flowCategory !== column.flowCategory)
          throw invalidField('body.stageId', 'must be a stage of the column’s own flow category');
      }
      const before = stageOfColumn({ flowCategory: column.flowCategory, stageId: column.portfolioStageId }, stages);
      await tx.column.update({ where: { id: columnId }, data: { portfolioStageId: stageId } });
      const after = stageOfColumn({ flowCategory: column.flowCategory, stageId }, stages)!;
      if (column.portfolioStageId !== stageId) {
        if (before?.id !== after.id) await rebuildStageFlow(tx, [column.board.teamId]);
        await recordActivity(tx, {
          actorId: actor.id,
          teamId: column.board.teamId,
          kind: activityKinds.portfolioColumnMapped,
          from: { columnId, stageId: column.portfolioStageId },
          to: { columnId, stageId },
        });
      }
      return {
        id: column.id,
        name: column.name,
        flowCategory: column.flowCategory,
        stageId: after.id,
        mapped: stageId !== null && after.id === stageId,
      };
    },
    {
      // Every column of the column's team: that team's moves wait for its recount, other teams' moves go on.
      columns: async (tx) => {
        const column = await tx.column.findUnique({
          where: { id: columnId },
          select: { board: { select: { teamId: true } } },
        });
        return column
          ? (await tx.column.findMany({ where: { board: { teamId: column.board.teamId } }, select: { id: true } })).map(
              (c) => c.id,
            )
          : [];
      },
      wholeRollup: false,
    },
  );
}
