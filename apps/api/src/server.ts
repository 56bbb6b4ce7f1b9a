// Starts the API (and the built web app) on one port. Without DATABASE_URL it runs the embedded database.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { MigrationChangedError } from './db/migrate';
import { DEMO_PASSWORD, seedDemoData } from './db/seed';

async function main() {
  // Settings may also come from a .env file at the repository root (see .env.example); the environment wins.
  const envFile = path.resolve(import.meta.dirname, '../../../.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const config = loadConfig();
  const database = await openDatabase(config, (msg) => console.log(msg));
  if (config.SEED_DEMO_DATA ?? database.embedded) {
    // A shared server must not carry accounts with a published password: there the demo gets a random one.
    const password = config.DEMO_PASSWORD ?? (database.embedded ? DEMO_PASSWORD : randomBytes(12).toString('base64url'));
    const seeded = await seedDemoData(database.prisma, { onProgress: (msg) => console.log(msg), password });
    if (seeded) console.log(`Demo data loaded. Sign in as maya@demo.test with password ${password} (shown only now; README lists the accounts).`);
  }
  const app = await buildApp({ config, db: database.prisma });
  const close = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  console.log(`Agile Marketing Board is running at ${address.replace('127.0.0.1', 'localhost')} (API docs at /api/docs)`);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof MigrationChangedError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
