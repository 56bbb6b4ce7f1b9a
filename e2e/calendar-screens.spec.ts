import { test } from '@playwright/test';
import { signIn } from './support/board-fixtures';
import { demoTeam, settled } from './support/pages';

test('calendar screenshots', async ({ page }) => {
  await signIn(page.request, 'maya@demo.test');
  const { teamId } = await demoTeam(page.request, 'Content Marketing');
  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const view of ['month', 'agenda', 'week']) {
      await page.goto(`/teams/${teamId}/calendar?view=${view}`);
      await settled(page);
      await page.screenshot({ path: `/tmp/cal-shots/team-${view}-${w}.png`, fullPage: true });
    }
    await page.goto(`/calendar`);
    await settled(page);
    await page.screenshot({ path: `/tmp/cal-shots/mine-default-${w}.png`, fullPage: true });
  }
});
