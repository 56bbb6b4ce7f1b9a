import type { Campaign } from '@amb/shared/campaigns';
import type { ServiceContext } from '../context';
import { campaignSelect, readDeliverables, toCampaign } from './campaign-view';

/** Every campaign of the organisation, the running ones first, with the progress of the cards the reader may see. */
export async function listCampaigns({ db, actor }: ServiceContext): Promise<Campaign[]> {
  const rows = await db.campaign.findMany({ select: campaignSelect, orderBy: [{ startDate: 'asc' }, { name: 'asc' }] });
  const now = new Date();
  const { seen, hidden } = await readDeliverables(db, actor, rows, now);
  const order = { RUNNING: 0, PLANNED: 1, DONE: 2 } as const;
  return rows
    .map((row) => toCampaign(row, seen.get(row.id)!, hidden.get(row.id) ?? 0, now))
    .sort((a, b) => order[a.status] - order[b.status]);
}
