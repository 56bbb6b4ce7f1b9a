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
    const password =
      config.DEMO_PASSWORD ?? (database.embedded ? DEMO_PASSWORD : randomBytes(12).toString('base64url'));
    const seeded = await seedDemoData(database.prisma, { onProgress: (msg) => console.log(msg), password });
    if (seeded)
      console.log(
        `Demo data loaded. Sign in as maya@demo.test with password ${password} (shown only now; README lists the accounts).`,
      );
  }
  const app = await buildApp({ config, db: database.prisma });
  // Graceful shutdown: stop accepting connections, end live streams with a hint to reconnect, let requests in flight
  // finish (for up to SHUTDOWN_TIMEOUT_MS), then close the database. A second signal exits at once.
  let closing = false;
  const shutDown = async (signal: string) => {
    if (closing) {
      console.log(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    console.log(`${signal}: shutting down (no new connections; finishing requests in flight)`);
    setTimeout(() => {
      console.error(`Requests still running after ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting without them`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    try {
      await app.close();
      await database.close();
      console.log('Shut down cleanly');
      process.exit(0);
    } catch (error) {
      console.error('Shutdown failed', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutDown('SIGINT'));
  process.on('SIGTERM', () => void shutDown('SIGTERM'));
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  console.log(
    `Agile Marketing Board is running at ${address.replace('127.0.0.1', 'localhost')} (API docs at /api/docs)`,
  );
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof MigrationChangedError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
