import { campaignDatesProblem } from '@amb/domain/campaigns';
import { activityKinds } from '@amb/shared/activity';
import type { Campaign, CreateCampaignBody } from '@amb/shared/campaigns';
import { invalidField } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { requireCampaignManager } from './campaign-access';
import { requireOwner } from './campaign-owner';
import { campaignSelect, dateOfDay, toCampaign } from './campaign-view';

export async function createCampaign({ db, actor }: ServiceContext, body: CreateCampaignBody): Promise<Campaign> {
  await requireCampaignManager(db, actor);
  const datesProblem = campaignDatesProblem(body.startDate, body.endDate);
  if (datesProblem) throw invalidField('body.endDate', datesProblem);
  await requireOwner(db, body.ownerId);
  return db.$transaction(async (tx) => {
    const row = await tx.campaign.create({
      data: { ...body, startDate: dateOfDay(body.startDate), endDate: dateOfDay(body.endDate) },
      select: campaignSelect,
    });
    await recordActivity(tx, {
      actorId: actor.id,
      kind: activityKinds.campaignCreated,
      to: { campaignId: row.id, ...body },
    });
    return toCampaign(row, [], 0, new Date());
  });
}
