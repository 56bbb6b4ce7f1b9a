import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Me } from '@amb/shared/auth';
import type { Calendar, CalendarCard } from '@amb/shared/calendar';
import type { Team } from '@amb/shared/teams';
import { useAuthStore } from '../../app/auth-store';
import { calendarKeys } from './api';
import { CalendarPage } from './calendar-page';

const teamId = '00000000-0000-4000-8000-00000000000a';
const boardId = '00000000-0000-4000-8000-00000000000b';
const card = (over: Partial<CalendarCard>): CalendarCard => ({
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Launch post',
  teamId,
  teamName: 'Content',
  boardId,
  startDate: null,
  dueDate: '2026-12-10',
  columnName: 'To do',
  flowCategory: 'TODO',
  labels: ['social'],
  owners: [{ id: '00000000-0000-4000-8000-000000000004', name: 'Mia Member' }],
  principleIds: [],
  blocked: false,
  sprintId: null,
  version: 1,
  ...over,
});

function show(cards: CalendarCard[], role: Team['myRole'], url = `/teams/${teamId}/calendar?date=2026-12-10`) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const calendar: Calendar = {
    from: '2026-11-30',
    to: '2027-01-03',
    teamId,
    teamName: 'Content',
    cards,
    sprints: [
      {
        id: '00000000-0000-4000-8000-000000000009',
        teamId,
        name: 'Sprint 8',
        startDate: '2026-12-07',
        endDate: '2026-12-18',
        state: 'ACTIVE',
      },
    ],
    boards: [{ id: boardId, name: 'Board', firstColumnId: boardId, firstColumnName: 'Backlog', lastActivityId: '0' }],
  };
  client.setQueryData(calendarKeys.range(teamId, calendar.from, calendar.to), calendar);
  client.setQueryData(
    ['teams'],
    [{ id: teamId, name: 'Content', slug: 'c', kind: 'MARKETING', myRole: role, boards: [] }],
  );
  client.setQueryData(['principles'], []);
  const router = createMemoryRouter([{ path: '/teams/:teamId/calendar', element: <CalendarPage /> }], {
    initialEntries: [url],
  });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('the team calendar', () => {
  beforeEach(() => {
    useAuthStore.setState({
      me: { user: { id: 'me', name: 'Me', email: 'me@example.test', orgRole: 'NONE' } } as unknown as Me,
    });
    vi.stubGlobal(
      'EventSource',
      class {
        addEventListener() {}
        close() {}
      },
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows cards on their days, a span on each of its days, sprint boundaries and a way to add a card', () => {
    show(
      [
        card({}),
        card({
          id: '00000000-0000-4000-8000-000000000002',
          title: 'Trade fair',
          startDate: '2026-12-14',
          dueDate: '2026-12-16',
        }),
      ],
      'MEMBER',
    );
    expect(screen.getByRole('heading', { name: 'December 2026' })).toBeTruthy();
    const thursday = screen.getByRole('region', { name: 'Thursday 10 December' });
    expect(within(thursday).getByRole('button', { name: 'Launch post, due 10 Dec' })).toBeTruthy();
    for (const day of ['Monday 14 December', 'Tuesday 15 December', 'Wednesday 16 December'])
      expect(
        within(screen.getByRole('region', { name: day })).getByRole('button', { name: /^Trade fair,/ }),
      ).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Monday 7 December' })).getByText('Sprint 8 starts')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Friday 18 December' })).getByText('Sprint 8 ends')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add a card due Thursday 10 December' })).toBeTruthy();
    expect(
      within(thursday)
        .getByRole('button', { name: /^Launch post/ })
        .getAttribute('aria-roledescription'),
    ).toBe('draggable card');
  });

  it('a viewer reads it without dragging or adding', () => {
    show([card({})], 'VIEWER');
    const chip = screen.getByRole('button', { name: 'Launch post, due 10 Dec' });
    expect(chip.getAttribute('aria-roledescription')).toBe('card');
    expect(screen.queryByRole('button', { name: /^Add a card due/ })).toBeNull();
  });

  it('says why it is empty', () => {
    show([], 'MEMBER');
    expect(screen.getByText('No cards with dates this month — give a card a due date in its panel')).toBeTruthy();
  });

  it('keeps the filters of the address', () => {
    show(
      [card({}), card({ id: '00000000-0000-4000-8000-000000000003', title: 'Ad', labels: ['paid'] })],
      'MEMBER',
      `/teams/${teamId}/calendar?date=2026-12-10&label=paid`,
    );
    expect(screen.queryByRole('button', { name: /^Launch post/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Ad, due 10 Dec' })).toBeTruthy();
  });
});
