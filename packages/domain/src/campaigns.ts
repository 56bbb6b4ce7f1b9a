// The organisation's campaigns (decision 75): who runs them, their days, and how their deliverables stand.
import { isOrgWide, type OrgRole, type TeamRole } from './access';

/** Admins, the PMO and whoever is a scrum master of some team create, change and delete campaigns. */
export function canManageCampaigns(orgRole: OrgRole, teamRoles: readonly TeamRole[]): boolean {
  return isOrgWide(orgRole) || teamRoles.includes('SCRUM_MASTER');
}

/** The colours offered when choosing one, by name; any other colour is given as #rrggbb. */
export const campaignPalette = {
  teal: '#0f766e',
  blue: '#1d4ed8',
  violet: '#6d28d9',
  rose: '#be123c',
  orange: '#c2410c',
  green: '#15803d',
  slate: '#475569',
} as const;
export type CampaignPaletteName = keyof typeof campaignPalette;
export const campaignPaletteNames = Object.keys(campaignPalette) as CampaignPaletteName[];

const isPaletteName = (colour: string): colour is CampaignPaletteName => Object.hasOwn(campaignPalette, colour);

/** A palette name or #rrggbb, lower-case. */
export const isCampaignColour = (colour: string) => isPaletteName(colour) || /^#[0-9a-f]{6}$/.test(colour);

/** The colour to paint: a palette name's colour, or the #rrggbb given. */
export const campaignColourHex = (colour: string): string => (isPaletteName(colour) ? campaignPalette[colour] : colour);

/** A campaign runs over calendar days (`YYYY-MM-DD`); it may end on the day it starts, never before. */
export function campaignDatesProblem(startDate: string, endDate: string): string | null {
  return endDate < startDate ? 'must not be before the start date' : null;
}

export interface Deliverable {
  done: boolean;
  blocked: boolean;
  estimate: number | null;
  dueDate: Date | null;
}

const DAY_MS = 86_400_000;

/**
 * A card of the campaign is at risk when it is not done and is due after the campaign's last day (UTC), or its due
 * date has already passed. A card without a due date, or done, is not.
 */
export function deliverableAtRisk(card: Pick<Deliverable, 'done' | 'dueDate'>, endDate: string, now: Date): boolean {
  if (card.done || !card.dueDate) return false;
  const due = card.dueDate.getTime();
  return due >= Date.parse(`${endDate}T00:00:00Z`) + DAY_MS || due < now.getTime();
}

export interface CampaignProgress {
  cards: number;
  done: number;
  points: number;
  pointsDone: number;
  blocked: number;
  atRisk: number;
}

/** What a set of deliverables adds up to; points count estimated cards only, blocked counts cards not done. */
export function campaignProgress(cards: readonly Deliverable[], endDate: string, now: Date): CampaignProgress {
  const progress: CampaignProgress = { cards: 0, done: 0, points: 0, pointsDone: 0, blocked: 0, atRisk: 0 };
  for (const card of cards) {
    progress.cards += 1;
    progress.points += card.estimate ?? 0;
    if (card.done) {
      progress.done += 1;
      progress.pointsDone += card.estimate ?? 0;
    } else if (card.blocked) progress.blocked += 1;
    if (deliverableAtRisk(card, endDate, now)) progress.atRisk += 1;
  }
  return progress;
}
