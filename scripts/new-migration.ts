// Writes the next migration: the SQL that takes the database built by prisma/migrations to schema.prisma, then every
// function, view and trigger whose file under prisma/sql/ differs from what those migrations define.
// Usage: npm run db:new-migration -- <name>
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { loadMigrationList, migrationsDir, pendingSchemaChanges } from './schema-engine';
import { definitionsThatDiffer, readSqlDefinitions, type Query } from './sql-definitions';

const name = (process.argv[2] ?? '')
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Give the migration a name: npm run db:new-migration -- add_card_colour');
  process.exit(2);
}

const schemaSql = await pendingSchemaChanges();
const changed = await changedDefinitions(schemaSql);
if (!schemaSql && changed.length === 0) {
  console.log('schema.prisma, prisma/sql/ and prisma/migrations already agree: no migration written.');
  process.exit(0);
}

const definitionsSql = changed.map((d) => `-- prisma/sql/${d.file}\n${d.sql}`).join('\n');
const sql = [schemaSql.trim(), definitionsSql.trim()].filter(Boolean).join('\n\n') + '\n';
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), sql);
console.log(
  `Wrote ${path.relative(process.cwd(), dir)}/migration.sql. Review it, then apply it with npm run db:migrate.`,
);
if (changed.length) {
  console.log(`It carries the current definitions of: ${changed.map((d) => d.file).join(', ')}.`);
  console.log('A function whose arguments changed needs a DROP FUNCTION of the old one above its definition.');
}

/** The definitions that a database built by the migrations (and the schema changes above) lacks or has otherwise. */
async function changedDefinitions(pendingSql: string) {
  const db = new PGlite();
  try {
    for (const m of (await loadMigrationList()).migrationDirectories) await db.exec(m.migrationFile.content.value);
    if (pendingSql) await db.exec(pendingSql);
    const query: Query = async (text, values) =>
      values
        ? (await db.query<Record<string, unknown>>(text, values)).rows
        : ((await db.exec(text)).at(-1)?.rows ?? []);
    return await definitionsThatDiffer(query, await readSqlDefinitions());
  } finally {
    await db.close();
  }
}
