// Prisma's schema engine (its WASM build) on an in-memory embedded Postgres.
// Used to author migrations and to check that schema.prisma and the migrations agree, without network access.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { createRequire } from 'node:module';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export const root = path.resolve(import.meta.dirname, '..');
export const schemaPath = path.join(root, 'prisma/schema.prisma');
export const migrationsDir = path.join(root, 'prisma/migrations');

export async function loadMigrationList() {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(migrationsDir, dir, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

// Node has WebAssembly; the Node type definitions in use do not declare it.
const wasmRuntime = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
    };
  }
).WebAssembly;

// The package is built for bundlers (it imports its .wasm as a module); Node instantiates it by hand.
async function loadEngine(): Promise<typeof SchemaEngine> {
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const bindings = engineBindings as unknown as Record<string, unknown> & {
    __wbg_set_wasm(exports: Record<string, unknown>): void;
    SchemaEngine: typeof SchemaEngine;
  };
  const { instance } = await wasmRuntime.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings.SchemaEngine;
}

export async function withSchemaEngine<T>(work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const schema = await readFile(schemaPath, 'utf8');
  const db = new PGlite();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db));
  const Engine = await loadEngine();
  const engine = await Engine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  try {
    return await work(engine);
  } finally {
    engine.free();
    await db.close();
  }
}

/** SQL that takes a database built by the migrations to what schema.prisma describes; empty when they agree. */
export async function pendingSchemaChanges(): Promise<string> {
  const schema = await readFile(schemaPath, 'utf8');
  const migrations = await loadMigrationList();
  return withSchemaEngine(async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrations },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const script = result.stdout ?? '';
    return isEmptyMigration(script) ? '' : script;
  });
}

function isEmptyMigration(script: string): boolean {
  return script.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--'));
}
