import { blockerCategoryLabels } from '@amb/shared/activity-sentence';
import type { BlockerCategory } from '@amb/shared/obstacles';

/** A blocker category in words; obstacles raised without one are "not said". */
export const categoryName = (c: BlockerCategory | null) => (c ? blockerCategoryLabels[c] : 'not said');

/** One colour per category, the same on every obstacle chart (palette colours, so they follow the theme). */
export const categoryColours: Record<BlockerCategory | 'none', string> = {
  legal_compliance: 'var(--series-purple)',
  creative_approval: 'var(--series-pink)',
  vendor: 'var(--series-orange)',
  data: 'var(--series-blue)',
  other_team: 'var(--series-green)',
  other: 'var(--series-grey)',
  none: 'var(--series-pale)',
};

export const colourOf = (c: BlockerCategory | null) => categoryColours[c ?? 'none'];

/** Hours as days with one decimal, the unit the PMO talks in. */
export const inDays = (hours: number) => Math.round((hours / 24) * 10) / 10;

/** A number of days as people say it: "1 day", "2.5 days". */
export const daysWord = (days: number) => `${days} ${days === 1 ? 'day' : 'days'}`;

/** The first letter in capitals, for a name that starts a sentence. */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Whose work a section covers, for its title: nothing for every team, the team's name for one, a count for more. */
export function chosenTeamsText(chosen: string[], teams: { id: string; name: string }[]): string {
  if (!chosen.length) return '';
  if (chosen.length === 1) return `, ${teams.find((t) => t.id === chosen[0])?.name ?? 'the chosen team'}`;
  return `, ${chosen.length} chosen teams`;
}

/** For an empty list or section: " in the chosen team", " in the 2 chosen teams", or nothing for every team. */
export const inChosenTeams = (chosen: string[]) =>
  chosen.length === 1 ? ' in the chosen team' : chosen.length ? ` in the ${chosen.length} chosen teams` : '';
