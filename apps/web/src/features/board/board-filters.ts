import type { CardSummary } from '@amb/shared/boards';
import { withParams } from '../../lib/url-params';

/** The filter bar's state, kept in the URL so a filtered board can be shared. */
export interface BoardFilters {
  text: string;
  owner: string;
  label: string;
  principle: string;
  /** A campaign's id: only the cards that deliver for it. */
  campaign: string;
  blocked: boolean;
  dueSoon: boolean;
  /** Only the cards in the team's active sprint. */
  activeSprint: boolean;
}

export const emptyFilters: BoardFilters = {
  text: '',
  owner: '',
  label: '',
  principle: '',
  campaign: '',
  blocked: false,
  dueSoon: false,
  activeSprint: false,
};

export const filterKeys = ['q', 'owner', 'label', 'principle', 'campaign', 'blocked', 'due', 'sprint'] as const;

export function readFilters(params: URLSearchParams): BoardFilters {
  return {
    text: params.get('q') ?? '',
    owner: params.get('owner') ?? '',
    label: params.get('label') ?? '',
    principle: params.get('principle') ?? '',
    campaign: params.get('campaign') ?? '',
    blocked: params.get('blocked') === '1',
    dueSoon: params.get('due') === 'soon',
    activeSprint: params.get('sprint') === 'active',
  };
}

export function writeFilters(params: URLSearchParams, filters: BoardFilters): URLSearchParams {
  return withParams(params, {
    q: filters.text,
    owner: filters.owner,
    label: filters.label,
    principle: filters.principle,
    campaign: filters.campaign,
    blocked: filters.blocked ? '1' : '',
    due: filters.dueSoon ? 'soon' : '',
    sprint: filters.activeSprint ? 'active' : '',
  });
}

export const isFiltering = (f: BoardFilters) => activeFilterCount(f) > 0;

/** How many filters are set: shown on the phone's Filters button. */
export const activeFilterCount = (f: BoardFilters) =>
  [f.text, f.owner, f.label, f.principle, f.campaign, f.blocked, f.dueSoon, f.activeSprint].filter(Boolean).length;

const DUE_SOON_DAYS = 7;

export function matchesFilters(
  card: CardSummary,
  f: BoardFilters,
  now = Date.now(),
  activeSprintId: string | null = null,
): boolean {
  if (f.activeSprint && (!activeSprintId || card.sprintId !== activeSprintId)) return false;
  if (
    f.text &&
    !card.title.toLowerCase().includes(f.text.toLowerCase()) &&
    !card.labels.some((l) => l.toLowerCase().includes(f.text.toLowerCase()))
  )
    return false;
  if (f.owner && !card.ownerIds.includes(f.owner)) return false;
  if (f.label && !card.labels.includes(f.label)) return false;
  if (f.principle && !card.principleIds.includes(f.principle)) return false;
  if (f.campaign && card.campaignId !== f.campaign) return false;
  if (f.blocked && !card.blocked) return false;
  if (f.dueSoon && (!card.dueDate || new Date(card.dueDate).getTime() - now > DUE_SOON_DAYS * 86_400_000)) return false;
  return true;
}
