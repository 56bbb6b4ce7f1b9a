// Writes the next migration: the SQL that takes the database built by prisma/migrations to schema.prisma.
// Usage: npm run db:new-migration -- <name>
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { migrationsDir, pendingSchemaChanges } from './schema-engine';

const name = (process.argv[2] ?? '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
if (!name) {
  console.error('Give the migration a name: npm run db:new-migration -- add_card_colour');
  process.exit(2);
}

const sql = await pendingSchemaChanges();
if (!sql) {
  console.log('schema.prisma and prisma/migrations already agree: no migration written.');
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql. Review it, then apply it with npm run db:migrate.`);
