import { createContext, useContext } from 'react';
import { campaignColourHex } from '@amb/domain/campaigns';

export interface CampaignLook {
  name: string;
  colour: string;
}

/** The campaigns by id, given once by the board page, so a card's mark re-renders only when a campaign changes. */
const CampaignContext = createContext<Map<string, CampaignLook>>(new Map());
export const CampaignMarksProvider = CampaignContext.Provider;

/** The id of a card's campaign text: the card's description points at it (its own name is the title alone). */
export const campaignMarkId = (cardId: string) => `card-campaign-${cardId}`;

/** A small dot in the campaign's colour; its name for screen readers and on hover. */
export function CampaignMark({ cardId, campaignId }: { cardId: string; campaignId: string }) {
  const campaign = useContext(CampaignContext).get(campaignId);
  // Until the campaigns are loaded the card still says it is in one, so its description always points at something.
  if (!campaign)
    return (
      <span className="visually-hidden" id={campaignMarkId(cardId)}>
        In a campaign
      </span>
    );
  return (
    <span className="campaign-mark" title={`Campaign: ${campaign.name}`}>
      <span className="campaign-dot" style={{ background: campaignColourHex(campaign.colour) }} aria-hidden="true" />
      <span className="visually-hidden" id={campaignMarkId(cardId)}>
        Campaign: {campaign.name}
      </span>
    </span>
  );
}
