import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Waits until a page has its main heading and nothing on it still says it is loading. */
export async function settled(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
}

/** The demo team of that name (as the signed-in person sees it) and its sprints, newest first. */
export async function demoTeam(request: APIRequestContext, name: string) {
  const teams = (await (await request.get('/api/teams')).json()).teams as { id: string; name: string }[];
  const team = teams.find((t) => t.name === name);
  expect(team, `the demo team ${name}`).toBeTruthy();
  const sprints = (await (await request.get(`/api/sprints?teamId=${team!.id}`)).json()).sprints as {
    id: string;
    name: string;
    state: 'PLANNED' | 'ACTIVE' | 'CLOSED';
  }[];
  return {
    teamId: team!.id,
    active: sprints.find((s) => s.state === 'ACTIVE'),
    closed: sprints.find((s) => s.state === 'CLOSED'),
  };
}

/** Every PMO page, with what a failure calls it; a team's flow page is the given team's. */
export const pmoPages = (teamId: string) =>
  [
    ['/dashboard', 'the portfolio'],
    ['/dashboard/stages', 'the portfolio stages'],
    [`/dashboard/teams/${teamId}`, 'a team’s flow'],
    ['/pmo/obstacles', 'obstacles across teams'],
    ['/pmo/dependencies', 'the dependency graph'],
    ['/pmo/dependencies/list', 'the open waits'],
    ['/pmo/principles', 'principle coverage'],
  ] as const;
