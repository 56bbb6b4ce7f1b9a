import type { CampaignPage } from '@amb/shared/campaigns';
import { notFound } from '../../lib/app-error';
import type { ServiceContext } from '../context';
import { byTeamAndCategory, campaignSelect, readDeliverables, toCampaign } from './campaign-view';

/** The campaign page: its progress and its deliverables on the teams the reader may see, the rest only counted. */
export async function getCampaign({ db, actor }: ServiceContext, campaignId: string): Promise<CampaignPage> {
  const row = await db.campaign.findUnique({ where: { id: campaignId }, select: campaignSelect });
  if (!row) throw notFound('Campaign');
  const now = new Date();
  const { seen, hidden } = await readDeliverables(db, actor, [row], now);
  const cards = seen.get(row.id)!;
  return { campaign: toCampaign(row, cards, hidden.get(row.id) ?? 0, now), teams: byTeamAndCategory(cards) };
}
