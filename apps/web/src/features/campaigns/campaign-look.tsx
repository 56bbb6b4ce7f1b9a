import { campaignColourHex } from '@amb/domain/campaigns';
import type { CampaignProgressView } from '@amb/shared/campaigns';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A campaign's days: "1 Mar 2027 – 31 Mar 2027". */
export const campaignDays = (startDate: string, endDate: string) =>
  startDate === endDate
    ? dayFormat.format(new Date(startDate))
    : `${dayFormat.format(new Date(startDate))} – ${dayFormat.format(new Date(endDate))}`;

/** The campaign's colour as a swatch; the colour itself carries no meaning, the name beside it does. */
export function CampaignSwatch({ colour }: { colour: string }) {
  return <span className="campaign-swatch" style={{ background: campaignColourHex(colour) }} aria-hidden="true" />;
}

/** Cards done of those the reader sees, as a bar with the numbers in words beside it. */
export function CampaignProgressBar({ progress }: { progress: CampaignProgressView }) {
  const share = progress.cards ? Math.round((progress.done / progress.cards) * 100) : 0;
  return (
    <span className="campaign-progress">
      <span
        className="campaign-progress-bar"
        role="progressbar"
        aria-label="Cards done"
        aria-valuemin={0}
        aria-valuemax={progress.cards}
        aria-valuenow={progress.done}
        aria-valuetext={`${progress.done} of ${progress.cards} cards done`}
      >
        <span style={{ width: `${share}%` }} />
      </span>
      <span className="campaign-progress-text">
        {progress.done} of {progress.cards} cards done
      </span>
    </span>
  );
}
