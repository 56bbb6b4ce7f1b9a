// npm run bench -- <name>: runs bench/<name>.ts. Each prints its figures, last, as one JSON line per figure.
// With DATABASE_URL it uses a fresh database on that PostgreSQL server; otherwise the embedded database.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { bin, generateClient, root, run } from './steps.mjs';

const benches = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.startsWith('support') && !f.endsWith('-driver.ts'))
  .map((f) => f.replace(/\.ts$/, ''));
const name = process.argv[2];
if (!name || !benches.includes(name)) {
  console.error(
    `${name ? `No bench called "${name}". ` : ''}Run one of: ${benches.map((b) => `npm run bench -- ${b}`).join(', ')}`,
  );
  process.exit(2);
}
if (!existsSync(path.join(root, 'apps/api/src/generated/prisma/client.ts'))) generateClient();
process.exit(run(`Bench ${name}`, bin('tsx'), [path.join('bench', `${name}.ts`), ...process.argv.slice(3)]));
