import { activityKinds } from '@amb/shared/activity';
import { notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { requireCampaignManager } from './campaign-access';

/** Deletes a campaign; its cards stay where they are, in no campaign (the foreign key sets theirs to null). */
export async function deleteCampaign({ db, actor }: ServiceContext, campaignId: string) {
  await requireCampaignManager(db, actor);
  await db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true, name: true } });
    if (!campaign) throw notFound('Campaign');
    const cards = await tx.card.count({ where: { campaignId } });
    await tx.campaign.delete({ where: { id: campaignId } });
    await recordActivity(tx, {
      actorId: actor.id,
      kind: activityKinds.campaignDeleted,
      from: { campaignId, name: campaign.name, cards },
    });
  });
  return { ok: true as const };
}
