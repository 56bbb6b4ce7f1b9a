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
 * Adds a stage after the last one of its flow category. No column is mapped onto it yet, so a card reached it
 * exactly when it reached the stage after it: the rollup copies that stage's arrivals.
 */
export async function createStage({ db, actor }: ServiceContext, body: z.output<typeof createStageBodySchema>): Promise<PortfolioStage> {
  requireStageManager(actor);
  return stageNameTaken(() =>
    changeStages(db, async (tx) => {
      const stages = await listStages(tx);
      const position = newStagePosition(stages, body.flowCategory);
      const stage = await tx.portfolioStage.create({ data: { name: body.name, flowCategory: body.flowCategory, position }, select: { id: true, name: true, position: true, flowCategory: true } });
      const order = stages.map((s) => s.id);
      order.splice(position, 0, stage.id);
      await writePositions(tx, order);
      const next = stages[position];
      if (next) {
        await tx.$executeRaw`INSERT INTO card_stage_flow (card_id, stage_id, team_id, reached_at) SELECT card_id, ${stage.id}, team_id, reached_at FROM card_stage_flow WHERE stage_id = ${next.id}`;
        await tx.$executeRaw`INSERT INTO stage_day_flow (team_id, stage_id, day, arrivals) SELECT team_id, ${stage.id}, day, arrivals FROM stage_day_flow WHERE stage_id = ${next.id}`;
      }
      await recordActivity(tx, { actorId: actor.id, kind: activityKinds.portfolioStageCreated, to: { stageId: stage.id, name: stage.name, position, flowCategory: stage.flowCategory } });
      return stage;
    }),
  );
}
