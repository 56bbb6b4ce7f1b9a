import { activityKinds } from '@amb/shared/activity';
import type { PortfolioStage } from '@amb/shared/portfolio-stages';
import { notFound } from '../../../lib/app-error';
import { recordActivity } from '../../activity/record-activity';
import type { ServiceContext } from '../../context';
import { requireStageManager } from './stage-writes';
import { stageNameTaken } from './stage-name-taken';

export async function renameStage(
  { db, actor }: ServiceContext,
  stageId: string,
  name: string,
): Promise<PortfolioStage> {
  requireStageManager(actor);
  return stageNameTaken(() =>
    db.$transaction(async (tx) => {
      const before = await tx.portfolioStage.findUnique({ where: { id: stageId } });
      if (!before) throw notFound('Stage');
      const stage = await tx.portfolioStage.update({
        where: { id: stageId },
        data: { name },
        select: { id: true, name: true, position: true, flowCategory: true },
      });
      if (before.name !== name)
        await recordActivity(tx, {
          actorId: actor.id,
          kind: activityKinds.portfolioStageRenamed,
          from: { stageId, name: before.name },
          to: { stageId, name },
        });
      return stage;
    }),
  );
}
