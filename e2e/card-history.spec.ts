import { expect, test } from '@playwright/test';
import { freshBoard, signIn } from './support/board-fixtures';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

test('the card panel tells the card’s history in words, with names', async ({ page }) => {
  const board = await freshBoard(page, 'History');
  const card = await board.card('Landing page copy', 'In progress');
  let version = card.version;
  const patch = async (data: object) => {
    const res = await page.request.patch(`/api/cards/${card.id}`, { data: { version, ...data } });
    expect(res.status()).toBe(200);
    version = (await res.json()).card.version;
  };
  const moved = await page.request.post(`/api/cards/${card.id}/move`, {
    data: { columnId: board.columns['Review'], afterCardId: null, version },
  });
  expect(moved.status()).toBe(200);
  version = (await moved.json()).card.version;
  await patch({ estimate: 3 });
  await patch({ estimate: 5 });
  await patch({
    blocked: true,
    blockedReason: 'Legal has not approved the pricing claims',
    blockerCategory: 'legal_compliance',
  });

  await page.goto(`/teams/${board.teamId}/board/cards/${card.id}`);
  const history = page.getByRole('dialog', { name: 'Landing page copy' }).getByRole('region', { name: 'History' });
  await expect(history).toContainText('Alex Morgan moved this from In progress to Review');
  await expect(history).toContainText('Alex Morgan estimated this at 3 pt');
  await expect(history).toContainText('Alex Morgan changed the estimate 3 → 5 pt');
  await expect(history).toContainText(
    'marked this blocked: Legal has not approved the pricing claims (legal and compliance)',
  );
  await expect(history).toContainText('Alex Morgan created this in In progress');
  await expect(history.getByRole('listitem')).toHaveCount(5);
  expect(await history.innerText()).not.toMatch(uuid);
});

test('a card carried from one sprint into the next says so, naming both sprints', async ({ page }) => {
  await signIn(page.request, 'maya@demo.test');
  const { teams } = (await (await page.request.get('/api/teams')).json()) as { teams: { id: string; name: string }[] };
  const team = teams.find((t) => t.name === 'Content Marketing')!;
  const sprints = (await (await page.request.get(`/api/sprints?teamId=${team.id}`)).json()) as {
    sprints: { id: string; state: string }[];
  };
  const active = sprints.sprints.find((s) => s.state === 'ACTIVE')!;
  const sprint = (await (await page.request.get(`/api/sprints/${active.id}`)).json()) as {
    cards: { id: string; title: string }[];
  };
  // The demo carried some of Sprint 11's unfinished cards into Sprint 12: find one.
  let carried: { id: string; title: string } | undefined;
  for (const c of sprint.cards) {
    const detail = await (await page.request.get(`/api/cards/${c.id}`)).json();
    if (
      detail.history.some(
        (h: { kind: string; from: { sprintId?: string } | null }) =>
          h.kind === 'card.sprint.changed' && h.from?.sprintId,
      )
    ) {
      carried = c;
      break;
    }
  }
  expect(carried).toBeDefined();
  await page.goto(`/teams/${team.id}/board/cards/${carried!.id}`);
  const history = page.getByRole('dialog', { name: carried!.title }).getByRole('region', { name: 'History' });
  await expect(history).toContainText('Maya Patel moved it from Sprint 11 to Sprint 12');
  await expect(history).toContainText('Maya Patel added this to Sprint 11');
  expect(await history.innerText()).not.toMatch(uuid);
});
