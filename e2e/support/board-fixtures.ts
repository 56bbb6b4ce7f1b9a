import { expect, type APIRequestContext, type Page } from '@playwright/test';

export interface BoardFixture {
  teamId: string;
  boardId: string;
  columns: Record<string, string>;
  card(title: string, column: string): Promise<{ id: string; version: number }>;
}

let counter = 0;

/** Signs the page in (cookies are shared with page.request). */
export async function signIn(request: APIRequestContext, email: string, password = 'demo-password-1') {
  const res = await request.post('/api/auth/sign-in', { data: { email, password } });
  expect(res.status()).toBe(200);
}

/** A fresh team of its own for one test, made by the demo admin, so tests never share cards. */
export async function freshBoard(page: Page, name: string): Promise<BoardFixture> {
  await signIn(page.request, 'alex@demo.test');
  const unique = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const team = await page.request.post('/api/teams', { data: { name: `${name} ${unique}`, slug: `e2e-${unique}` } });
  expect(team.status()).toBe(201);
  const { id: teamId, boards } = await team.json();
  const boardId = boards[0].id as string;
  const board = await (await page.request.get(`/api/boards/${boardId}`)).json();
  const columns = Object.fromEntries((board.columns as { id: string; name: string }[]).map((c) => [c.name, c.id]));
  return {
    teamId,
    boardId,
    columns,
    async card(title, column) {
      const res = await page.request.post('/api/cards', {
        data: { columnId: columns[column], title, position: 'bottom' },
      });
      expect(res.status()).toBe(201);
      return (await res.json()).card;
    },
  };
}

export async function setLimit(page: Page, columnId: string, wipLimit: number | null, wipPolicy: 'SOFT' | 'HARD') {
  const res = await page.request.patch(`/api/columns/${columnId}`, { data: { wipLimit, wipPolicy } });
  expect(res.status()).toBe(200);
}

export const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
export const cardIn = (page: Page, columnName: string, title: string) =>
  column(page, columnName).getByRole('button', { name: title, exact: true });

/** Drags with the mouse the way a person does: press, move a little, travel, release. */
/**
 * Drags with the mouse from one element to another. On the board (`liftsCard`, the default) it first waits for the
 * card to be lifted: if the board was still settling and the card moved from under the pointer, it lets go and
 * lifts again. Pass `liftsCard: false` where no card is lifted (a viewer) or the page has no drag overlay.
 */
export async function dragWithMouse(
  page: Page,
  from: ReturnType<Page['locator']>,
  to: ReturnType<Page['locator']>,
  { liftsCard = true } = {},
) {
  const lift = async () => {
    const a = (await from.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 3 });
  };
  if (liftsCard) {
    await expect(async () => {
      await page.mouse.up();
      await lift();
      await expect(page.locator('.board-card.overlay')).toBeVisible({ timeout: 2_000 });
    }).toPass();
  } else {
    await lift();
  }
  const b = (await to.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}
