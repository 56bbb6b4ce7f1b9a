// The current definition of every SQL function, view and trigger: one file each under prisma/sql/, the source of
// truth that migrations copy from (see docs/decisions/0044-sql-definitions-in-files.md).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

export const sqlDir = path.resolve(import.meta.dirname, '../prisma/sql');

export type DefinitionKind = 'function' | 'view' | 'trigger';

export interface SqlDefinition {
  kind: DefinitionKind;
  /** The object's name: the file's name without `.sql`. */
  name: string;
  /** prisma/sql/<folder>/<name>.sql, relative to prisma/sql. */
  file: string;
  sql: string;
}

const folders: [DefinitionKind, string][] = [
  ['function', 'functions'],
  ['view', 'views'],
  ['trigger', 'triggers'],
];

async function readFolder(kind: DefinitionKind, folder: string, dir: string): Promise<SqlDefinition[]> {
  const names = (await readdir(path.join(dir, folder)).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.sql'))
    .sort();
  return Promise.all(
    names.map(async (file) => ({
      kind,
      name: file.slice(0, -4),
      file: `${folder}/${file}`,
      sql: (await readFile(path.join(dir, folder, file), 'utf8')).trim() + '\n',
    })),
  );
}

/**
 * Every definition in the order a migration creates them: functions (one that another calls, in a body PostgreSQL
 * checks when it is created, first), then views, then triggers.
 */
export async function readSqlDefinitions(dir = sqlDir): Promise<SqlDefinition[]> {
  const all = (await Promise.all(folders.map(([kind, folder]) => readFolder(kind, folder, dir)))).flat();
  return dependenciesFirst(all);
}

function dependenciesFirst(all: SqlDefinition[]): SqlDefinition[] {
  const rank = (d: SqlDefinition) => folders.findIndex(([kind]) => kind === d.kind);
  const byName = new Map(all.map((d) => [d.name, d]));
  const ordered: SqlDefinition[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (d: SqlDefinition) => {
    if (placed.has(d.file) || visiting.has(d.file)) return;
    visiting.add(d.file);
    for (const other of byName.values()) {
      if (other !== d && rank(other) <= rank(d) && new RegExp(`\\b${other.name}\\s*\\(`).test(bodyOf(d))) place(other);
    }
    visiting.delete(d.file);
    placed.add(d.file);
    ordered.push(d);
  };
  for (const d of [...all].sort((a, b) => rank(a) - rank(b))) place(d);
  return ordered;
}

/** The definition without its own header, so a function is not taken to depend on itself. */
function bodyOf(d: SqlDefinition): string {
  return d.kind === 'function' ? d.sql.replace(/^[^(]*\(/, '') : d.sql;
}

/** Runs one statement (parameters `$1`...) and returns its rows: on pg or on an embedded database. */
export type Query = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

// What the database says an object is, in its own words (so formatting in the file does not matter).
const catalog: Record<DefinitionKind, string> = {
  function: `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public' AND p.proname = $1 ORDER BY p.oid::regprocedure::text`,
  view: `SELECT pg_get_viewdef(c.oid, true) AS def FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relname = $1 AND c.relkind IN ('v', 'm')`,
  trigger: `SELECT pg_get_triggerdef(t.oid, true) || ' ' || t.tgenabled::text AS def FROM pg_trigger t
            JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgname = $1`,
};

const everyObject: Record<DefinitionKind, string> = {
  function: `SELECT DISTINCT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             LEFT JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
             WHERE n.nspname = 'public' AND d.objid IS NULL`,
  view: `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')`,
  trigger: `SELECT t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
};

async function definitionInDatabase(query: Query, kind: DefinitionKind, name: string): Promise<string> {
  return (await query(catalog[kind], [name])).map((r) => String(r.def)).join('\n');
}

/**
 * The files whose definition differs from the database's (or that the database lacks): the files are run in order
 * inside one transaction that is rolled back, and what the database says each object is after its file ran is
 * compared with what it said before.
 */
export async function definitionsThatDiffer(query: Query, definitions: SqlDefinition[]): Promise<SqlDefinition[]> {
  const differ: SqlDefinition[] = [];
  await query('BEGIN');
  try {
    for (const d of definitions) {
      const before = await definitionInDatabase(query, d.kind, d.name);
      await query(d.sql);
      if (before !== (await definitionInDatabase(query, d.kind, d.name))) differ.push(d);
    }
  } finally {
    await query('ROLLBACK');
  }
  return differ;
}

/** Functions, views and triggers in the database that have no file under prisma/sql/. */
export async function objectsWithoutFiles(query: Query, definitions: SqlDefinition[]): Promise<string[]> {
  const missing: string[] = [];
  for (const kind of Object.keys(everyObject) as DefinitionKind[]) {
    const files = new Set(definitions.filter((d) => d.kind === kind).map((d) => d.name));
    for (const row of await query(everyObject[kind]))
      if (!files.has(String(row.name))) missing.push(`${kind} ${row.name}`);
  }
  return missing.sort();
}
