import { checkStageOrder } from '@amb/domain/portfolio-stages';
import { activityKinds } from '@amb/shared/activity';
import type { PortfolioStage } from '@amb/shared/portfolio-stages';
import { AppError, notFound } from '../../../lib/app-error';
import { recordActivity } from '../../activity/record-activity';
import type { ServiceContext } from '../../context';
import { listStages } from './list-stages';
import { changeStages, requireStageManager, writePositions } from './stage-writes';

/**
 * Removes a stage. The columns mapped onto it go back to their flow category's first stage, and each team's
 * arrivals are then recounted. The last stage of a flow category stays: every column needs a stage to count in.
 */
export async function removeStage({ db, actor }: ServiceContext, stageId: string): Promise<PortfolioStage[]> {
  requireStageManager(actor);
  return changeStages(
    db,
    async (tx) => {
      const stages = await listStages(tx);
      const stage = stages.find((s) => s.id === stageId);
      if (!stage) throw notFound('Stage');
      const rest = stages.filter((s) => s.id !== stageId);
      if (checkStageOrder(rest) !== 'ok') {
        throw new AppError(
          'CONFLICT',
          'This is the only stage of its flow category; add another first or rename this one',
          { fields: [{ field: 'params.stageId', message: 'is the last stage of its flow category' }] },
        );
      }
      const columns = await tx.column.findMany({ where: { portfolioStageId: stageId }, select: { id: true } });
      await tx.portfolioStage.delete({ where: { id: stageId } });
      await writePositions(
        tx,
        rest.map((s) => s.id),
      );
      await recordActivity(tx, {
        actorId: actor.id,
        kind: activityKinds.portfolioStageRemoved,
        from: {
          stageId,
          name: stage.name,
          position: stage.position,
          flowCategory: stage.flowCategory,
          columnIds: columns.map((c) => c.id),
        },
      });
      return listStages(tx);
    },
    {
      columns: async (tx) =>
        (await tx.column.findMany({ where: { portfolioStageId: stageId }, select: { id: true } })).map((c) => c.id),
      recount: true,
    },
  );
}
