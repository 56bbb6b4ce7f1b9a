import { checkStageOrder } from '@amb/domain/portfolio-stages';
import { activityKinds } from '@amb/shared/activity';
import type { PortfolioStage } from '@amb/shared/portfolio-stages';
import { invalidField } from '../../../lib/app-error';
import { recordActivity } from '../../activity/record-activity';
import type { ServiceContext } from '../../context';
import { listStages } from './list-stages';
import { changeStages, requireStageManager, writePositions } from './stage-writes';

/** Puts the stages in a new order (every stage once, flow categories kept in order); each team's arrivals are then recounted. */
export async function reorderStages({ db, actor }: ServiceContext, stageIds: string[]): Promise<PortfolioStage[]> {
  requireStageManager(actor);
  // The same order asks for nothing, not even a recount.
  const current = await listStages(db);
  if (current.map((s) => s.id).join() === stageIds.join()) return current;
  return changeStages(
    db,
    async (tx) => {
      const stages = await listStages(tx);
      const byId = new Map(stages.map((s) => [s.id, s]));
      if (
        stageIds.length !== stages.length ||
        new Set(stageIds).size !== stageIds.length ||
        stageIds.some((id) => !byId.has(id))
      ) {
        throw invalidField('body.stageIds', `must name each of the ${stages.length} stages once`);
      }
      const order = stageIds.map((id) => byId.get(id)!);
      if (checkStageOrder(order) !== 'ok')
        throw invalidField(
          'body.stageIds',
          'must keep backlog stages before to-do stages, then in-progress, then done',
        );
      const before = stages.map((s) => s.id);
      if (before.join() === stageIds.join()) return stages;
      await writePositions(tx, stageIds);
      await recordActivity(tx, {
        actorId: actor.id,
        kind: activityKinds.portfolioStagesReordered,
        from: { stageIds: before },
        to: { stageIds },
      });
      return listStages(tx);
    },
    { recount: true },
  );
}
