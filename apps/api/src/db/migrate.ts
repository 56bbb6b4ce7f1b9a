// Applies prisma/migrations in Prisma's own layout and records them in Prisma's `_prisma_migrations` table,
// so `prisma migrate deploy` and `prisma migrate status` see the same history on a machine that has the CLI.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/** prisma/migrations at the repository's (or the image's) root, found from here whether run from source or built. */
function findMigrations(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'prisma/migrations');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(from, '../../../../prisma/migrations');
  }
}

export const migrationsDir = findMigrations(import.meta.dirname);

/** An applied migration whose file has changed since: the database and the code no longer agree. */
export class MigrationChangedError extends Error {
  override name = 'MigrationChangedError';
}

// The same advisory lock key the Prisma CLI takes, so our runner and `prisma migrate deploy` never interleave.
const MIGRATION_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

// The migrations written before the first release, folded into one baseline migration. A database that applied them
// all has exactly the baseline's schema; one that applied only some of them cannot be brought there from here.
export const migrationsBeforeBaseline = [
  '20261124034316_init',
  '20261124133000_board_activity_notify',
  '20261125215119_column_rank_epoch',
  '20261125215200_move_card_function',
  '20261126064938_sign_in_lockout',
  '20261126065402_typed_activity_log',
  '20261126070000_archived_cards_read_only',
  '20261126070000_card_summary_function',
  '20261126070040_access_changes',
  '20261126071059_person_wip_limit',
  '20261126071100_move_card_person_limits',
  '20261126071402_card_flow',
  '20261126071800_sprint_lifecycle',
  '20261126072000_organisation_admin',
  '20261126073056_board_import',
  '20261126080351_webhooks',
  '20261126080800_activity_commit_order_without_waiting',
  '20261126083000_move_card_records_sprint_and_summary',
  '20261126083541_standup_time_and_escalation',
  '20261126094820_retrospectives',
  '20261126094905_pmo_obstacle_handling',
  '20261126095011_portfolio_stages',
  '20261126095316_import_job_lease',
  '20261126111713_card_flow_coverage',
  '20261126132334_stage_recounts',
  '20261126132407_retrospective_note_edited_at',
  '20261126134621_imports_take_back_their_columns',
  '20261126135500_card_blocks_after_restore',
];
export const baselineMigration = '20261204180000_baseline';

/** A database made before the baseline that cannot be upgraded by this version. */
export class MigrationHistoryError extends Error {
  override name = 'MigrationHistoryError';
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

/**
 * On a database made before the migrations were folded into the baseline: when it applied every one of them, its
 * history is rewritten to say it applied the baseline (which builds the same schema), so the migrations after it
 * apply as on any other install and `prisma migrate status` finds the history it expects. When it applied only
 * some, nothing is changed and the error says what to do.
 */
async function recordBaselineOnOlderInstall(client: pg.Client, migrations: Migration[], done: Map<string, AppliedRow>) {
  const baseline = migrations.find((m) => m.name === baselineMigration);
  const older = migrationsBeforeBaseline.filter((name) => done.has(name));
  if (!baseline || done.has(baseline.name) || older.length === 0) return;
  const finished = older.filter((name) => done.get(name)!.finished_at);
  if (finished.length !== migrationsBeforeBaseline.length) {
    const missing = migrationsBeforeBaseline.filter((name) => !finished.includes(name));
    throw new MigrationHistoryError(
      `This database was created by an earlier version of the board and lacks ${missing.length} of its migrations ` +
        `(${missing.join(', ')}). That version's migrations are now one baseline, which cannot be applied on top of ` +
        `part of them. Start the earlier version once more (any commit before ${baselineMigration} was added) so it ` +
        `applies them, then start this version. Nothing was changed.`,
    );
  }
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ first: Date; last: Date }>(
      'SELECT min(started_at) AS first, max(finished_at) AS last FROM "_prisma_migrations" WHERE migration_name = ANY($1)',
      [migrationsBeforeBaseline],
    );
    await client.query('DELETE FROM "_prisma_migrations" WHERE migration_name = ANY($1)', [migrationsBeforeBaseline]);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, $5, $6, 1)`,
      [
        randomUUID(),
        baseline.checksum,
        baseline.name,
        `Recorded in place of the ${migrationsBeforeBaseline.length} migrations it replaces, applied here before.`,
        rows[0]!.first,
        rows[0]!.last,
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  for (const name of migrationsBeforeBaseline) done.delete(name);
  done.set(baseline.name, { migration_name: baseline.name, checksum: baseline.checksum, finished_at: new Date() });
}

export interface MigrateResult {
  applied: string[];
}

export async function migrate(databaseUrl: string, dir = migrationsDir): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    await recordBaselineOnOlderInstall(client, migrations, done);
    // Every applied migration must still be the file that was applied: a changed one means this database was built
    // from other SQL than the code now describes, and going on would build on a guess.
    const changed = migrations.filter(
      (m) => done.get(m.name)?.finished_at && done.get(m.name)!.checksum !== m.checksum,
    );
    if (changed.length) {
      throw new MigrationChangedError(
        `Migration ${changed.map((m) => m.name).join(', ')} was changed after it was applied to this database ` +
          `(its checksum no longer matches _prisma_migrations). Restore the original file from version control and add ` +
          `a new migration for the change (npm run db:new-migration -- <name>). Nothing was applied.`,
      );
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous?.finished_at) continue;
      if (previous) {
        throw new Error(
          `Migration ${migration.name} started earlier and did not finish. Repair the database, then mark it rolled back.`,
        );
      }
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
          [id, migration.checksum, migration.name],
        );
        await client.query(migration.sql);
        await client.query(
          'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
          [id],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
