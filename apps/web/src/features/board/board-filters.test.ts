import { describe, expect, it } from 'vitest';
import { cardSummary } from './card-fixture';
import {
  activeFilterCount,
  emptyFilters,
  isFiltering,
  matchesFilters,
  readFilters,
  writeFilters,
} from './board-filters';

const base = cardSummary({
  id: 'c1',
  columnId: 'col',
  title: 'Spring newsletter',
  estimate: 3,
  labels: ['Email'],
  ownerIds: ['u1'],
  principleIds: ['p1'],
});

describe('board filters', () => {
  it('survive a round trip through the URL, next to other parameters', () => {
    const filters = {
      text: 'news',
      owner: 'u1',
      label: 'Email',
      principle: 'p1',
      campaign: 'g1',
      blocked: true,
      dueSoon: true,
      activeSprint: true,
    };
    const params = writeFilters(new URLSearchParams('lanes=folded'), filters);
    expect(params.get('lanes')).toBe('folded');
    expect(readFilters(params)).toEqual(filters);
    expect(writeFilters(params, emptyFilters).toString()).toBe('lanes=folded');
  });

  it('match by text in title or label (any case), owner, label, principle, obstacle and due date', () => {
    const now = Date.parse('2026-03-01T00:00:00Z');
    expect(matchesFilters(base, { ...emptyFilters, text: 'NEWS' }, now)).toBe(true);
    expect(matchesFilters(base, { ...emptyFilters, text: 'email' }, now)).toBe(true);
    expect(matchesFilters(base, { ...emptyFilters, text: 'webinar' }, now)).toBe(false);
    expect(matchesFilters(base, { ...emptyFilters, owner: 'u2' }, now)).toBe(false);
    expect(matchesFilters(base, { ...emptyFilters, principle: 'p1' }, now)).toBe(true);
    expect(matchesFilters(base, { ...emptyFilters, blocked: true }, now)).toBe(false);
    expect(matchesFilters(base, { ...emptyFilters, campaign: 'g1' }, now)).toBe(false);
    expect(matchesFilters({ ...base, campaignId: 'g1' }, { ...emptyFilters, campaign: 'g1' }, now)).toBe(true);
    expect(
      matchesFilters({ ...base, dueDate: '2026-03-05T00:00:00.000Z' }, { ...emptyFilters, dueSoon: true }, now),
    ).toBe(true);
    expect(
      matchesFilters({ ...base, dueDate: '2026-04-05T00:00:00.000Z' }, { ...emptyFilters, dueSoon: true }, now),
    ).toBe(false);
  });

  it('count what is set, for the phone’s Filters button', () => {
    expect(isFiltering(emptyFilters)).toBe(false);
    expect(activeFilterCount({ ...emptyFilters, text: 'x', blocked: true })).toBe(2);
  });
});
