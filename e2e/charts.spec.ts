import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/board-fixtures';
import { demoTeam, settled } from './support/pages';

// Charts a person can read, on the demo data (read only): the cumulative flow's tooltip goes when the pointer
// goes and its stages are named in dark text, and the dependency graph's arrows and names stay apart at both sizes.

test('the cumulative flow tooltip closes when the pointer leaves the chart, and no stage is named in pale text', async ({
  page,
}) => {
  await signIn(page.request, 'pat@demo.test');
  const { teamId } = await demoTeam(page.request, 'Content Marketing');
  await page.goto(`/dashboard/teams/${teamId}`);
  await settled(page);
  const section = page.getByRole('region', { name: /^Cumulative flow/ });
  const chart = section.locator('.recharts-wrapper');
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const tooltip = section.locator('.recharts-tooltip-wrapper');

  // Tooltip items follow the stages' order, as the legend does.
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 4 });
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('.recharts-tooltip-item-name')).toHaveText(['Backlog', 'To do', 'In progress', 'Done']);

  // Out of the chart, quickly, upwards and sideways: the tooltip goes each time.
  for (const [x, y] of [
    [box.x + box.width / 2, box.y - 30],
    [box.x + box.width + 20, box.y + box.height / 2],
  ] as const) {
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 3 });
    await expect(tooltip).toBeVisible();
    await page.mouse.move(x, y);
    await expect(tooltip).toBeHidden();
  }

  // The legend names every stage in dark text beside its coloured mark.
  const names = section.locator('.recharts-legend-item-text');
  await expect(names).toHaveCount(4);
  const colours = await names.evaluateAll((items) =>
    items.map(
      (item) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(
          item.querySelector('span') ?? item,
        ).color,
    ),
  );
  expect(colours).toEqual(Array(4).fill('rgb(16, 24, 40)'));
});

/**
 * The middle of each arrow head of the dependency graph, in the drawing's own units: 6 units (half a head) back
 * from where its path ends, towards the curve's control point.
 */
async function arrowHeads(page: Page) {
  const paths = await page.locator('.graph-edge-line').evaluateAll((lines) => lines.map((l) => l.getAttribute('d')!));
  return paths.map((d) => {
    const [, , cx, cy, ex, ey] = d
      .split(/[ ,QM]+/)
      .filter(Boolean)
      .map(Number) as number[];
    const length = Math.hypot(cx! - ex!, cy! - ey!) || 1;
    return [ex! + ((cx! - ex!) / length) * 6, ey! + ((cy! - ey!) / length) * 6] as const;
  });
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`the dependency graph keeps arrow heads apart and team names readable at ${viewport.width} px`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await signIn(page.request, 'pat@demo.test');
    await page.goto('/pmo/dependencies');
    await settled(page);
    const graph = page.getByRole('group', { name: 'Teams and the open waits between them' });
    await expect(graph).toBeVisible();
    // The demo's two waits both point at Web Development (other tests running beside this one may add more): no two
    // heads (12 units wide) lie on each other.
    await expect(page.locator('.graph-edge-line').nth(1)).toBeVisible();
    const heads = await arrowHeads(page);
    for (let i = 0; i < heads.length; i++)
      for (let j = i + 1; j < heads.length; j++)
        expect(Math.hypot(heads[i]![0] - heads[j]![0], heads[i]![1] - heads[j]![1])).toBeGreaterThanOrEqual(12);

    // Every team's name is drawn at a readable size, inside the drawing; each edge shows its number of links.
    const frame = (await graph.boundingBox())!;
    for (const name of await graph.locator('.graph-team text').all()) {
      const box = (await name.boundingBox())!;
      // (Other tests running beside this one add teams, and more teams draw smaller: 10 px is the floor kept.)
      expect(box.height).toBeGreaterThanOrEqual(10);
      expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    }
    const labels = await graph.locator('.graph-edge-label').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const label of labels) expect(label).toMatch(/^[1-9]\d*$/);
    // The drawing is cut to what it holds: no more than a third of it is empty below the lowest team's name.
    const lowest = Math.max(
      ...(
        await Promise.all((await graph.locator('.graph-team text').all()).map(async (t) => (await t.boundingBox())!))
      ).map((b) => b.y + b.height),
    );
    expect(frame.y + frame.height - lowest).toBeLessThan(frame.height / 3);
  });
}
