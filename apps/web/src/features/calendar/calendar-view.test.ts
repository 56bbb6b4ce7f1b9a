import { describe, expect, it } from 'vitest';
import type { CalendarCard } from '@amb/shared/calendar';
import { daysOfCard, weekRows, longDay, matches, rangeOf, readView, shortDay, step, writeView } from './calendar-view';

const card = (over: Partial<CalendarCard> = {}): CalendarCard => ({
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Launch post',
  teamId: '00000000-0000-4000-8000-000000000002',
  teamName: 'Content',
  boardId: '00000000-0000-4000-8000-000000000003',
  startDate: null,
  dueDate: '2026-12-15',
  columnName: 'Doing',
  flowCategory: 'IN_PROGRESS',
  labels: ['social'],
  owners: [{ id: '00000000-0000-4000-8000-000000000004', name: 'Mia' }],
  principleIds: [],
  blocked: false,
  sprintId: null,
  version: 1,
  ...over,
});

describe('the calendar’s view in the address', () => {
  it('a phone gets the agenda, unless the address names a view', () => {
    expect(readView(new URLSearchParams(''), '2026-12-06', true).view).toBe('agenda');
    expect(readView(new URLSearchParams(''), '2026-12-06', false).view).toBe('month');
    expect(readView(new URLSearchParams('view=week'), '2026-12-06', true).view).toBe('week');
  });

  it('round-trips the view, day, colouring and filters', () => {
    const params = writeView(new URLSearchParams(), {
      view: 'week',
      date: '2026-12-14',
      colour: 'owner',
      filters: { owner: 'o', label: 'social', principle: '', blocked: true, sprint: '' },
    });
    expect(params.toString()).toBe('view=week&date=2026-12-14&colour=owner&owner=o&label=social&blocked=1');
    expect(readView(params, '2026-12-06', false)).toMatchObject({ view: 'week', date: '2026-12-14', colour: 'owner' });
  });

  it('reads whole weeks for a month, the month for the agenda, and steps by month or week', () => {
    expect(rangeOf('month', '2026-12-15')).toEqual({ from: '2026-11-30', to: '2027-01-03' });
    expect(rangeOf('agenda', '2026-12-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(rangeOf('week', '2026-12-15')).toEqual({ from: '2026-12-14', to: '2026-12-20' });
    expect(step('month', '2026-12-15', 1)).toBe('2027-01-01');
    expect(step('agenda', '2026-03-31', -1)).toBe('2026-02-01');
    expect(step('week', '2026-12-15', -1)).toBe('2026-12-08');
  });

  it('a span shows on each of its days in the range', () => {
    expect(daysOfCard(card({ startDate: '2026-11-29', dueDate: '2026-12-02' }), '2026-12-01', '2026-12-31')).toEqual([
      '2026-12-01',
      '2026-12-02',
    ]);
  });

  it('keeps a span on one row across its days in a week', () => {
    const week = ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18', '2026-12-19', '2026-12-20'];
    const rows = weekRows(week, [
      card({ id: 'a', title: 'Alpha', dueDate: '2026-12-15' }),
      card({ id: 'b', title: 'Fair', startDate: '2026-12-10', dueDate: '2026-12-16' }),
      card({ id: 'c', title: 'Post', dueDate: '2026-12-16' }),
      card({ id: 'd', title: 'Late', dueDate: '2026-12-18' }),
    ]);
    expect(Object.fromEntries(rows)).toEqual({ b: 0, a: 1, c: 1, d: 0 });
  });

  it('filters as the board does', () => {
    expect(matches(card(), { owner: '', label: 'social', principle: '', blocked: false, sprint: '' })).toBe(true);
    expect(matches(card(), { owner: '', label: '', principle: '', blocked: true, sprint: '' })).toBe(false);
  });

  it('writes days as people read them', () => {
    expect(shortDay('2026-12-05')).toBe('5 Dec');
    expect(longDay('2026-12-15')).toBe('Tuesday 15 December');
  });
});
