// Builds the API into plain JavaScript (apps/api/dist), so production runs it with node alone: no TypeScript
// compiler at run time. The workspace packages (@amb/*, TypeScript sources) are bundled in; every package from
// npm stays an ordinary import, installed as a production dependency.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const api = JSON.parse(readFileSync(path.join(root, 'apps/api/package.json'), 'utf8'));
const external = Object.keys(api.dependencies).filter((name) => !name.startsWith('@amb/'));

await build({
  absWorkingDir: root,
  entryPoints: {
    server: 'apps/api/src/server.ts',
    // Checks import files in a worker thread (services/imports/import-checker.ts looks for it beside the server).
    'import-plan-worker': 'apps/api/src/services/imports/plan-worker.ts',
    'migrate-cli': 'apps/api/src/db/migrate-cli.ts',
    'seed-cli': 'apps/api/src/db/seed-cli.ts',
  },
  outdir: 'apps/api/dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  external,
  // Stack traces point at the TypeScript; the maps stay on the server, nothing serves them.
  sourcemap: true,
  // A few dependencies still call require(); ESM output gives them one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
