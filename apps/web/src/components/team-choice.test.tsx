import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { teamsQuery } from '../app/teams';
import {
  choiceLabel,
  LeftOutTeams,
  listOrder,
  matchTeams,
  TeamChoice,
  useTeamChoice,
  type TeamOption,
} from './team-choice';

const fiveTeams: TeamOption[] = [
  { id: 't-content', name: 'Content Marketing' },
  { id: 't-growth', name: 'Growth' },
  { id: 't-events', name: 'Events & Field Marketing' },
  { id: 't-cafe', name: 'Café Social' },
  { id: 't-platform', name: 'Platform' },
];
const manyTeams: TeamOption[] = Array.from({ length: 120 }, (_, i) => ({
  id: `t${i}`,
  name: `Team ${String(i).padStart(3, '0')}`,
}));

/** The choice as a page holds it: in its own state, shown in an output for the test to read. */
function Harness({ teams = fiveTeams, initial = [] as string[] }) {
  const [chosen, setChosen] = useState(initial);
  return (
    <>
      <TeamChoice teams={teams} chosen={chosen} onChange={setChosen} />
      <p data-testid="chosen">{chosen.join(',') || 'every team'}</p>
      <button type="button">Elsewhere</button>
    </>
  );
}

const trigger = () => screen.getByRole('button', { name: /^Teams/ });
const chosenNow = () => screen.getByTestId('chosen').textContent;
const urlNow = () => screen.getByTestId('search').textContent;
// happy-dom does not name a checkbox by the label around it, so a team's box is found through its label's text.
const box = (name: string) =>
  screen.getByText(name, { selector: '.team-choice-list span' }).previousElementSibling as HTMLInputElement;
const shownTeams = () => [...document.querySelectorAll('.team-choice-list span')].map((s) => s.textContent);
const searchBox = () => screen.getByRole('searchbox', { name: 'Find a team' }) as HTMLInputElement;

describe('matching, order and label', () => {
  it('finds teams by every word typed, ignoring case and accents', () => {
    expect(matchTeams(fiveTeams, 'marketing').map((t) => t.id)).toEqual(['t-content', 't-events']);
    expect(matchTeams(fiveTeams, '  FIELD  market ').map((t) => t.id)).toEqual(['t-events']);
    expect(matchTeams(fiveTeams, 'cafe').map((t) => t.id)).toEqual(['t-cafe']);
    expect(matchTeams(fiveTeams, '')).toHaveLength(5);
    expect(matchTeams(fiveTeams, 'legal')).toEqual([]);
  });

  it('lists the teams by name with the ones chosen at opening first', () => {
    expect(listOrder(fiveTeams, new Set()).map((t) => t.name)).toEqual([
      'Café Social',
      'Content Marketing',
      'Events & Field Marketing',
      'Growth',
      'Platform',
    ]);
    expect(listOrder(fiveTeams, new Set(['t-platform', 't-growth'])).map((t) => t.name)).toEqual([
      'Growth',
      'Platform',
      'Café Social',
      'Content Marketing',
      'Events & Field Marketing',
    ]);
  });

  it('says every team, the one team by name, or how many of how many', () => {
    expect(choiceLabel([], fiveTeams)).toBe('All teams');
    expect(choiceLabel(['t-growth'], fiveTeams)).toBe('Growth');
    expect(choiceLabel(['t-growth', 't-cafe'], fiveTeams)).toBe('2 of 5');
    expect(choiceLabel(['t-growth', 't-cafe'], undefined)).toBe('2 teams');
  });
});

describe('TeamChoice', () => {
  afterEach(cleanup);

  it('chooses two teams found by search, shows the count on the button, and clears back to every team', () => {
    render(<Harness />);
    expect(trigger().textContent).toContain('All teams');
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(trigger());
    expect(trigger().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(searchBox());

    fireEvent.change(searchBox(), { target: { value: 'marketing' } });
    expect(shownTeams()).toEqual(['Content Marketing', 'Events & Field Marketing']);
    fireEvent.click(box('Content Marketing'));
    fireEvent.change(searchBox(), { target: { value: 'grow' } });
    fireEvent.click(box('Growth'));
    expect(chosenNow()).toBe('t-content,t-growth');
    expect(trigger().textContent).toContain('2 of 5');
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['2 chosen', '1 team found']);

    fireEvent.click(screen.getByRole('button', { name: 'Clear the team choice' }));
    expect(chosenNow()).toBe('every team');
    expect(trigger().textContent).toContain('All teams');
    expect((screen.getByRole('button', { name: 'Clear the team choice' }) as HTMLButtonElement).disabled).toBe(true);
    // The pressed button is off now: focus stays in the list, where Escape still closes it.
    expect(document.activeElement).toBe(searchBox());
    fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
  });

  it('shows a ticked team at once, while the page is still taking the change in', () => {
    const reported: string[][] = [];
    render(<TeamChoice teams={fiveTeams} chosen={[]} onChange={(ids) => reported.push(ids)} />);
    fireEvent.click(trigger());
    fireEvent.click(box('Growth'));
    fireEvent.click(box('Platform'));
    expect(box('Growth').checked).toBe(true);
    expect(box('Platform').checked).toBe(true);
    expect(reported).toEqual([['t-growth'], ['t-growth', 't-platform']]);
  });

  it('chooses every team a search finds at once', () => {
    render(<Harness initial={['t-growth']} />);
    fireEvent.click(trigger());
    fireEvent.change(searchBox(), { target: { value: 'marketing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Choose the 2 found' }));
    expect(chosenNow()).toBe('t-growth,t-content,t-events');
    expect(document.activeElement).toBe(searchBox());
    // Everything found is chosen: nothing left to add.
    expect(screen.queryByRole('button', { name: /^Choose the/ })).toBeNull();
    // Emptying the search lists the chosen teams first.
    fireEvent.change(searchBox(), { target: { value: '' } });
    expect(shownTeams()).toEqual([
      'Content Marketing',
      'Events & Field Marketing',
      'Growth',
      'Café Social',
      'Platform',
    ]);
  });

  it('says when a search finds no team and offers to clear it', () => {
    render(<Harness />);
    fireEvent.click(trigger());
    fireEvent.change(searchBox(), { target: { value: 'legal' } });
    expect(screen.getByText(/No team matches “legal”/)).toBeTruthy();
    expect(shownTeams()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(searchBox().value).toBe('');
    expect(shownTeams()).toHaveLength(5);
  });

  it('works from the keyboard: arrows move through the list, Enter in the search chooses, Escape closes', () => {
    render(<Harness />);
    fireEvent.keyDown(trigger(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(searchBox());

    // Enter chooses the first team found and empties the search for the next one.
    fireEvent.change(searchBox(), { target: { value: 'plat' } });
    fireEvent.keyDown(searchBox(), { key: 'Enter' });
    expect(chosenNow()).toBe('t-platform');
    expect(searchBox().value).toBe('');

    // The team just chosen comes first in the list.
    fireEvent.keyDown(searchBox(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(box('Platform'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(box('Café Social'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(searchBox());

    fireEvent.keyDown(searchBox(), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Choose teams' })).toBeNull();
    expect(document.activeElement).toBe(trigger());
  });

  it('closes on Escape when focus has fallen to the page', () => {
    render(<Harness />);
    fireEvent.click(trigger());
    act(() => (document.activeElement as HTMLElement).blur());
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(trigger().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(trigger());
  });

  it('closes on a press outside and lists the chosen teams first when opened again', () => {
    render(<Harness initial={['t-platform']} />);
    fireEvent.click(trigger());
    expect(shownTeams()[0]).toBe('Platform');
    fireEvent.click(box('Content Marketing'));
    // A team chosen while the list is open stays where it is.
    expect(shownTeams()[1]).toBe('Café Social');
    act(() => {
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    expect(screen.queryByRole('group', { name: 'Choose teams' })).toBeNull();
    fireEvent.click(trigger());
    expect(shownTeams().slice(0, 2)).toEqual(['Content Marketing', 'Platform']);
  });

  it('stops at the most teams the API takes in one filter', () => {
    render(<Harness teams={manyTeams} initial={manyTeams.slice(0, 99).map((t) => t.id)} />);
    fireEvent.click(trigger());
    expect(searchBox().placeholder).toBe('Find among 120 teams');
    fireEvent.click(box('Team 119'));
    expect(trigger().textContent).toContain('100 of 120');
    expect(box('Team 110').disabled).toBe(true);
    expect(box('Team 005').disabled).toBe(false);
    expect(screen.getByText(/At most 100 teams at once/)).toBeTruthy();
  });
});

describe('useTeamChoice', () => {
  afterEach(cleanup);

  function Page() {
    const choice = useTeamChoice();
    const { search } = useLocation();
    return (
      <>
        <TeamChoice teams={choice.teams} chosen={choice.chosen} onChange={choice.choose} />
        <LeftOutTeams choice={choice} />
        <p data-testid="search">{search}</p>
        <p data-testid="chosen">{choice.chosen.join(',')}</p>
      </>
    );
  }

  const renderAt = (url: string) => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(
      teamsQuery.queryKey,
      fiveTeams.map((t) => ({ ...t, slug: t.id, kind: 'marketing', role: 'VIEWER' })) as never,
    );
    const router = createMemoryRouter([{ path: '/pmo', element: <Page /> }], { initialEntries: [url] });
    render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
  };

  it('keeps the choice in the URL beside the other filters', () => {
    renderAt('/pmo?category=vendor');
    fireEvent.click(trigger());
    fireEvent.click(box('Growth'));
    fireEvent.click(box('Platform'));
    expect(urlNow()).toBe('?category=vendor&teams=t-growth%2Ct-platform');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the team choice' }));
    expect(urlNow()).toBe('?category=vendor');
  });

  it('leaves out teams the person cannot see, so a stale link still opens, says so and drops them on request', () => {
    renderAt('/pmo?teams=t-growth,t-gone');
    expect(screen.getByTestId('chosen').textContent).toBe('t-growth');
    expect(trigger().textContent).toContain('Growth');
    expect(screen.getByRole('status').textContent).toMatch(
      /^A team in this link is not one you can see, so it is left out/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove from the link' }));
    expect(urlNow()).toBe('?teams=t-growth');
  });
});
