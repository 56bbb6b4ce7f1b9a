import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingSchemaChanges } from '../../../scripts/schema-engine';
import { MigrationChangedError, migrate, migrationsDir, readMigrations } from '../src/db/migrate';
import { createTestDatabase, type TestDatabase } from './support/test-database';

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
      const { rows } = await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name');
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
      await writeFile(path.join(dir, '29990101000000_later', 'migration.sql'), 'CREATE TABLE should_not_exist (id int);');
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

  it('keeps the activity log append-only', async () => {
    await db.prisma.activity.create({ data: { kind: 'test.entry' } });
    await expect(db.prisma.activity.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.activity.updateMany({ data: { kind: 'changed' } })).rejects.toThrow(/append-only/);
  });
});
