// Runs the Prisma CLI on a machine without internet access.
// The CLI insists on a native schema-engine binary before any command and downloads one if it is missing.
// `prisma generate` never calls that engine, so pointing the variable at any executable is enough for it.
// Migrations are applied and authored by the project's own tools (see docs/decisions/0002-offline-migrations.md).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
