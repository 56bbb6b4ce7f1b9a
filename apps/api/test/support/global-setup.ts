// Once per run, before any API test file starts: the migrated template every test database is copied from
// (see test-database.ts), so the files running side by side do not each wait to build it.
import { ensureTemplate } from './test-database';

export default async function setup() {
  await ensureTemplate();
}
