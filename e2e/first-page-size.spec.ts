import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// What the first page (sign-in, then the board) downloads: the entry chunk and every chunk it imports
// statically, read from the build's manifest and weighed gzipped, as a server sends them.
const dist = path.join(import.meta.dirname, '../apps/web/dist');
type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; src?: string };
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

function firstPageChunks(): Chunk[] {
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry)!;
  const seen = new Map<string, Chunk>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.set(key, manifest[key]!);
    for (const next of manifest[key]!.imports ?? []) visit(next);
  };
  visit(entry[0]);
  return [...seen.values()];
}

test('the first page downloads at most 170 KB of gzipped script; other screens load when opened', () => {
  const chunks = firstPageChunks();
  const gzipped = chunks.reduce((sum, c) => sum + gzipSync(readFileSync(path.join(dist, c.file))).length, 0);
  console.log(`first page: ${chunks.length} scripts, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
  expect(gzipped).toBeLessThanOrEqual(170 * 1024);
  // zod (about 26 KB gzipped) checks forms, which load with their screens; the first page reads typed answers.
  for (const c of chunks)
    expect(readFileSync(path.join(dist, c.file), 'utf8').includes('$ZodType'), `${c.file} holds no zod`).toBe(false);

  const firstPageSources = new Set(chunks.map((c) => c.src).filter(Boolean));
  for (const screen of [
    'src/features/sprint/sprint-page.tsx',
    'src/features/dashboard/dashboard-page.tsx',
    'src/features/cards/card-panel.tsx',
    'src/features/columns/columns-dialog.tsx',
  ]) {
    expect(manifest[screen], `${screen} is its own chunk`).toBeDefined();
    expect(firstPageSources.has(screen), `${screen} is not in the first download`).toBe(false);
  }
});

test('the sign-in page fetches only the first page’s scripts', async ({ page }) => {
  const allowed = new Set(firstPageChunks().map((c) => `/${c.file}`));
  const scripts: string[] = [];
  page.on('response', (r) => r.request().resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(allowed.has(s), `${s} belongs to the first page`).toBe(true);
});
