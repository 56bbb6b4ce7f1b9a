import { newStagePosition } from '@amb/domain/portfolio-stages';
import { activityKinds } from '@amb/shared/activity';
import type { createStageBodySchema, PortfolioStage } from '@amb/shared/portfolio-stages';
import type { z } from 'zod';
import { recordActivity } from '../../activity/record-activity';
import type { ServiceContext } from '../../context';
import { listStages } from './list-stages';
import { changeStages, requireStageManager, writePositions } from './stage-writes';
import { stageNameTaken } from './stage-name-taken';

/**
 * Adds a stage after the last one of its flow category; each team's arrivals are then recounted (no column is
 * mapped onto it yet, so a card reaches it when it reaches the stage after it).
 */
export async function createStage(
  { db, actor }: ServiceContext,
  body: z.output<typeof createStageBodySchema>,
): Promise<PortfolioStage> {
  requireStageManager(actor);
  return stageNameTaken(() =>
    changeStages(
      db,
      async (tx) => {
        const stages = await listStages(tx);
        const position = newStagePosition(stages, body.flowCategory);
        const stage = await tx.portfolioStage.create({
          data: { name: body.name, flowCategory: body.flowCategory, position },
          select: { id: true, name: true, position: true, flowCategory: true },
        });
        const order = stages.map((s) => s.id);
        order.splice(position, 0, stage.id);
        await writePositions(tx, order);
        await recordActivity(tx, {
          actorId: actor.id,
          kind: activityKinds.portfolioStageCreated,
          to: { stageId: stage.id, name: stage.name, position, flowCategory: stage.flowCategory },
        });
        return stage;
      },
      { recount: true },
    ),
  );
}
