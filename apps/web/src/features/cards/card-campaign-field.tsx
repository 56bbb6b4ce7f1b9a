import { useId } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignStatusNames } from '@amb/shared/campaigns';
import type { CardDetail } from '@amb/shared/cards';
import { campaignsQuery } from '../../app/campaigns';
import { useTeamAbility } from '../../app/team-access';
import type { ApiError } from '../../lib/api-client';
import { updateCard } from './api';

/** Which of the organisation's campaigns the card delivers for, for those who may edit the card to change. */
export function CardCampaignField({
  card,
  write,
}: {
  card: CardDetail;
  write: (action: () => Promise<unknown>, saved?: string) => Promise<ApiError | null>;
}) {
  const id = useId();
  const campaigns = useQuery(campaignsQuery);
  const client = useQueryClient();
  const canWork = useTeamAbility(card.teamId)('work');
  // Everyone else reads the campaign where the panel says where the card is.
  if (!canWork || card.archivedAt) return null;
  const all = campaigns.data ?? [];
  // A finished campaign takes no new cards, but the card's own stays listed.
  const choices = all.filter((c) => c.status !== 'DONE' || c.id === card.campaignId);
  const nameOf = (campaignId: string | null) => all.find((c) => c.id === campaignId)?.name;
  return (
    <p className="card-campaign">
      <label htmlFor={id}>Campaign </label>
      <select
        id={id}
        value={card.campaignId ?? ''}
        disabled={!campaigns.data}
        onChange={(e) => {
          const campaignId = e.target.value || null;
          const was = nameOf(card.campaignId);
          void write(
            () =>
              updateCard(card.id, { version: card.version, campaignId }).then(() =>
                client.invalidateQueries({ queryKey: ['campaigns'] }),
              ),
            campaignId ? `Added the card to the campaign ${nameOf(campaignId)}.` : `Removed the card from ${was}.`,
          );
        }}
      >
        <option value="">No campaign</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({campaignStatusNames[c.status].toLowerCase()})
          </option>
        ))}
      </select>
    </p>
  );
}
