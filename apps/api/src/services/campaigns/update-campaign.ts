import { campaignDatesProblem } from '@amb/domain/campaigns';
import { activityKinds } from '@amb/shared/activity';
import type { Campaign, UpdateCampaignBody } from '@amb/shared/campaigns';
import { invalidField, notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { requireCampaignManager } from './campaign-access';
import { requireOwner } from './campaign-owner';
import { campaignSelect, dateOfDay, dayOf, readDeliverables, toCampaign } from './campaign-view';

/** Changes a campaign's fields; the history names each field before and after. */
export async function updateCampaign(
  { db, actor }: ServiceContext,
  campaignId: string,
  body: UpdateCampaignBody,
): Promise<Campaign> {
  await requireCampaignManager(db, actor);
  const before = await db.campaign.findUnique({ where: { id: campaignId } });
  if (!before) throw notFound('Campaign');
  const was = {
    name: before.name,
    goal: before.goal,
    startDate: dayOf(before.startDate),
    endDate: dayOf(before.endDate),
    ownerId: before.ownerId,
    colour: before.colour,
    status: before.status,
  };
  // The end is judged against the start the campaign will have; the end is the field that depends on the other.
  const datesProblem = campaignDatesProblem(body.startDate ?? was.startDate, body.endDate ?? was.endDate);
  if (datesProblem) throw invalidField('body.endDate', datesProblem);
  if (body.ownerId !== undefined && body.ownerId !== was.ownerId) await requireOwner(db, body.ownerId);

  const changed = (Object.keys(body) as (keyof UpdateCampaignBody)[]).filter(
    (k) => body[k] !== undefined && body[k] !== was[k],
  );
  const now = new Date();
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.campaign.update({
      where: { id: campaignId },
      data: {
        ...body,
        ...(body.startDate ? { startDate: dateOfDay(body.startDate) } : {}),
        ...(body.endDate ? { endDate: dateOfDay(body.endDate) } : {}),
      },
      select: campaignSelect,
    });
    if (changed.length)
      await recordActivity(tx, {
        actorId: actor.id,
        kind: activityKinds.campaignUpdated,
        from: { campaignId, ...(Object.fromEntries(changed.map((k) => [k, was[k]])) as Partial<typeof was>) },
        to: { campaignId, ...(Object.fromEntries(changed.map((k) => [k, body[k]])) as UpdateCampaignBody) },
      });
    return updated;
  });
  const { seen, hidden } = await readDeliverables(db, actor, [row], now);
  return toCampaign(row, seen.get(row.id)!, hidden.get(row.id) ?? 0, now);
}
