import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingSchemaChanges } from '../../../scripts/schema-engine';
import {
  definitionsThatDiffer,
  objectsWithoutFiles,
  readSqlDefinitions,
  type Query,
} from '../../../scripts/sql-definitions';
import {
  MigrationChangedError,
  MigrationHistoryError,
  baselineMigration,
  migrate,
  migrationsBeforeBaseline,
  migrationsDir,
  readMigrations,
} from '../src/db/migrate';
import { olderMigrations } from './support/older-migrations';
import { createTestDatabase, type TestDatabase } from './support/test-database';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Statements on a pg client: several in one text (a trigger's file) answer with the last one's rows. */
const queryOn =
  (client: pg.Client): Query =>
  async (text, values) => {
    const result = (await client.query(text, values)) as pg.QueryResult | pg.QueryResult[];
    return (Array.isArray(result) ? result.at(-1)! : result).rows;
  };

/** Everything a database's schema is made of, in a form two databases can be compared by (columns in any order). */
async function schemaOf(url: string) {
  return withClient(url, async (c) => {
    const rows = async (text: string) => (await c.query(text)).rows.map((r) => Object.values(r).join(' | ')).sort();
    return {
      columns:
        await rows(`SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default, collation_name
                           FROM information_schema.columns WHERE table_schema = 'public'`),
      constraints: await rows(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                               WHERE connamespace = 'public'::regnamespace`),
      indexes: await rows(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`),
      enums: await rows(`SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e
                         JOIN pg_type t ON t.oid = e.enumtypid GROUP BY t.typname`),
      functions: await rows(
        `SELECT pg_get_functiondef(p.oid) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace`,
      ),
      triggers: await rows(`SELECT pg_get_triggerdef(oid, true), tgenabled FROM pg_trigger WHERE NOT tgisinternal`),
    };
  });
}

describe('schema.prisma and prisma/migrations', () => {
  it('agree: the migrations build exactly the schema (run `npm run db:new-migration -- <name>` if not)', async () => {
    expect(await pendingSchemaChanges()).toBe('');
  }, 120_000);
});

describe('the migration runner', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('records every migration in Prisma’s history table with Prisma’s checksum', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
      );
      const files = await readMigrations();
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
      for (const [i, row] of rows.entries()) {
        expect(row.checksum).toBe(createHash('sha256').update(files[i]!.sql).digest('hex'));
        expect(row.finished_at).not.toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    } finally {
      await client.end();
    }
  });

  it('applies nothing the second time', async () => {
    expect(await migrate(db.url)).toEqual({ applied: [] });
  });

  it('stops, naming the migration and applying nothing, when an applied migration file has changed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'amb-migrations-'));
    try {
      await cp(migrationsDir, dir, { recursive: true });
      const [first] = await readMigrations(dir);
      await writeFile(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited after it was applied\n`);
      await mkdir(path.join(dir, '29990101000000_later'));
      await writeFile(
        path.join(dir, '29990101000000_later', 'migration.sql'),
        'CREATE TABLE should_not_exist (id int);',
      );
      const refused = migrate(db.url, dir);
      await expect(refused).rejects.toThrow(MigrationChangedError);
      await expect(refused).rejects.toThrow(new RegExp(`Migration ${first!.name} was changed after it was applied`));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        expect((await client.query("SELECT to_regclass('should_not_exist') AS t")).rows[0].t).toBeNull();
      } finally {
        await client.end();
      }
      // The untouched files still start.
      expect(await migrate(db.url)).toEqual({ applied: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('defines every function and trigger as its file under prisma/sql/ says, and nothing without a file', async () => {
    const definitions = await readSqlDefinitions();
    await withClient(db.url, async (client) => {
      const differ = await definitionsThatDiffer(queryOn(client), definitions);
      // A file changed without a migration: `npm run db:new-migration -- <name>` writes one carrying it.
      expect(differ.map((d) => d.file)).toEqual([]);
      expect(await objectsWithoutFiles(queryOn(client), definitions)).toEqual([]);
    });
  });

  it('keeps the activity log append-only', async () => {
    await db.prisma.activity.create({ data: { kind: 'test.entry' } });
    await expect(db.prisma.activity.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.activity.updateMany({ data: { kind: 'changed' } })).rejects.toThrow(/append-only/);
  });
});

describe('an install made before the migrations were folded into the baseline', () => {
  let fresh: TestDatabase;
  beforeAll(async () => {
    fresh = await createTestDatabase();
  });
  afterAll(async () => fresh.drop());

  it('is recorded as having the baseline, gets the migrations after it, and ends with the same schema as a new one', async () => {
    const older = await createTestDatabase({ migrationsDir: olderMigrations() });
    try {
      const at = '2026-11-20T09:15:00.000Z';
      await withClient(older.url, async (c) => {
        const team = (
          await c.query(`INSERT INTO teams (id, name, slug) VALUES ('t1', 'Content', 'content') RETURNING id`)
        ).rows[0].id;
        // As Prisma wrote times then: UTC, without a zone.
        await c.query(
          `INSERT INTO activity (at, team_id, kind) VALUES ($1::timestamptz AT TIME ZONE 'UTC', $2, 'test.entry')`,
          [at, team],
        );
      });
      const { applied } = await migrate(older.url);
      const files = await readMigrations();
      expect(applied).toEqual(files.map((f) => f.name).filter((name) => name !== baselineMigration));
      await withClient(older.url, async (c) => {
        const history = (
          await c.query('SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name')
        ).rows;
        expect(history).toEqual(files.map((f) => ({ migration_name: f.name, checksum: f.checksum })));
        // Times written as UTC stay the same instants, whatever zone the upgrade ran in.
        const entry = (await c.query<{ at: Date }>(`SELECT at FROM activity WHERE kind = 'test.entry'`)).rows[0]!;
        expect(entry.at.toISOString()).toBe(at);
      });
      expect(await schemaOf(older.url)).toEqual(await schemaOf(fresh.url));
      expect(await migrate(older.url)).toEqual({ applied: [] });
    } finally {
      await older.drop();
    }
  }, 180_000);

  it('stops, changing nothing and saying what to do, when it lacks some of the older migrations', async () => {
    const last = migrationsBeforeBaseline.at(-1)!;
    const partial = await createTestDatabase({ migrationsDir: olderMigrations((name) => name < last) });
    try {
      const refused = migrate(partial.url);
      await expect(refused).rejects.toThrow(MigrationHistoryError);
      await expect(refused).rejects.toThrow(
        new RegExp(`lacks 1 of its migrations \\(${last}\\).*Start the earlier version once more`),
      );
      const names = await withClient(
        partial.url,
        async (c) => (await c.query('SELECT migration_name FROM "_prisma_migrations"')).rows,
      );
      expect(names.map((r) => r.migration_name).sort()).toEqual(migrationsBeforeBaseline.slice(0, -1));
    } finally {
      await partial.drop();
    }
  }, 180_000);
});
