// The migrations written before they were folded into one baseline, as installs made then applied them: to build
// such an install and upgrade it.
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const migrationsBeforeBaselineDir = path.resolve(import.meta.dirname, '../fixtures/migrations-before-baseline');

/** A folder holding the older migrations whose names pass `keep` (all of them by default). */
export function olderMigrations(keep: (name: string) => boolean = () => true): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'amb-migrations-'));
  for (const name of readdirSync(migrationsBeforeBaselineDir)) {
    if (keep(name)) cpSync(path.join(migrationsBeforeBaselineDir, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}
