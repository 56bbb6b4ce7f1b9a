import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The palette in styles.css, read as written: each text colour against every background it is used on keeps 4.5:1
// (WCAG AA) in both themes; focus rings, solid marks and chart series keep 3:1 on the dark surfaces. axe checks
// the pages with the demo data in them; this checks the pairs those pages may not happen to show.
const css = readFileSync(path.join(import.meta.dirname, 'styles.css'), 'utf8');

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('\n}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]));
}
const light = block(':root');
const themes = { light, dark: { ...light, ...block(":root[data-theme='dark']") } };

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** Text colours and the backgrounds the stylesheets put them on. */
const text: [string, string[]][] = [
  ['text', ['bg', 'surface', 'surface-raised', 'surface-subtle', 'sunken', 'accent-bg', 'accent-bg-strong']],
  ['text', ['selected-bg', 'warning-over-bg', 'danger-bg', 'warning-bg', 'neutral-bg']],
  ['text-strong', ['surface', 'selected-bg', 'bg']],
  ['chart-text', ['surface-raised', 'surface']],
  ['muted', ['bg', 'surface', 'surface-raised', 'surface-subtle', 'sunken', 'neutral-bg', 'accent-bg-subtle']],
  ['muted-strong', ['surface', 'selected-bg']],
  ['neutral-text', ['neutral-bg', 'surface', 'sunken']],
  ['neutral-text-soft', ['neutral-bg', 'surface']],
  ['accent', ['surface', 'bg', 'accent-bg', 'accent-bg-strong', 'sunken', 'surface-raised', 'surface-subtle']],
  ['on-solid', ['accent', 'danger', 'danger-solid', 'text-strong']],
  ['info-text', ['info-bg', 'surface', 'bg']],
  ['selected', ['selected-bg', 'surface']],
  ['person-text', ['person-bg']],
  ['danger', ['surface', 'danger-bg', 'bg', 'surface-raised', 'sunken', 'surface-subtle']],
  ['danger-strong', ['danger-bg', 'danger-bg-strong', 'surface', 'selected-bg']],
  ['warn', ['surface', 'warning-bg', 'warning-over-bg', 'bg', 'sunken']],
  ['warning-strong', ['warning-bg', 'surface', 'sunken']],
  ['warning-stronger', ['warning-bg', 'warning-bg-strong', 'surface']],
  ['warning-strongest', ['warning-bg-strong']],
  ['success', ['surface', 'success-bg', 'bg']],
  ['success-strong', ['success-bg', 'success-bg-strong', 'surface']],
  ['success-stronger', ['success-bg']],
  ['violet', ['violet-bg', 'surface', 'sunken']],
  ['violet-strong', ['surface', 'bg']],
  ['violet-dim', ['surface']],
  ['principle-text', ['principle-bg']],
];
/** Marks that are not text, on the dark surfaces (the light values are the ones the app always had). */
const marks = ['focus', 'accent', 'danger-solid', 'neutral-line', 'success-solid', 'warning-solid'].concat(
  ['indigo', 'purple', 'pink', 'orange', 'blue', 'green', 'grey'].map((s) => `series-${s}`),
);

describe('the palette', () => {
  it('gives every variable a light value, and a dark one wherever the theme changes it', () => {
    expect(Object.keys(light).length).toBeGreaterThan(60);
    for (const name of Object.keys(block(":root[data-theme='dark']"))) expect(light, name).toHaveProperty(name);
  });

  for (const [theme, palette] of Object.entries(themes))
    it(`keeps text at 4.5:1 on its backgrounds in the ${theme} theme`, () => {
      const low = text.flatMap(([fg, bgs]) =>
        bgs
          .map((bg) => [`${fg} on ${bg}`, contrast(palette[fg]!, palette[bg]!)] as const)
          .filter(([, ratio]) => ratio < 4.5),
      );
      expect(low).toEqual([]);
    });

  it('keeps focus rings, solid marks and chart series at 3:1 on the dark surfaces', () => {
    const dark = themes.dark;
    const low = marks.flatMap((mark) =>
      ['surface', 'bg'].filter((bg) => contrast(dark[mark]!, dark[bg]!) < 3).map((bg) => `${mark} on ${bg}`),
    );
    expect(low).toEqual([]);
  });
});
