import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG 2.2 AA rule sets the product promises (house style: every screen passes axe with no serious finding). */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is now and fails (softly, so one run lists every page's findings) on any serious or
 * critical violation, printing each one's rule, the elements it found and the help text. Then the device is set to
 * dark, which the app follows at once (its theme is "same as this device" unless a person chose), and axe's colour
 * contrast rule runs again on the same page in the dark theme, the one rule a theme changes; then back to light.
 */
export async function expectNoSeriousViolations(page: Page, what: string) {
  await expectNoSeriousFindings(page, what, new AxeBuilder({ page }).withTags(tags));
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectNoSeriousFindings(page, `${what}, dark theme`, new AxeBuilder({ page }).withRules(['color-contrast']));
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
}

async function expectNoSeriousFindings(page: Page, what: string, axe: AxeBuilder) {
  const result = await axe.analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.split('\n').join(' ')}`).join('\n'),
  );
  expect.soft(report, `axe on ${what}:\n${report.join('\n')}`).toEqual([]);
}
