// The app as the browser tests see it: production build, a fresh database with demo data.
// With DATABASE_URL, a database named amb_e2e_<port> is created anew on that server; otherwise an embedded one in a temp folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { bin, startProcess } from './steps.mjs';

// Every browser test signs in from 127.0.0.1 as a few demo people, so the sign-in and per-person write limits are
// raised here (the API tests cover them). Webhook tests run their receiver on this machine, so the admin setting that
// allows loopback addresses is on (the API tests cover the refusal).
const env = {
  ...process.env,
  NODE_ENV: 'production',
  SEED_DEMO_DATA: 'true',
  PORT: process.env.E2E_PORT ?? '4173',
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT: '10000',
  WRITE_RATE_LIMIT: '100000',
  DEMO_PASSWORD: 'demo-password-1',
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
};
const dbName = `amb_e2e_${env.PORT}`;
if (process.env.DATABASE_URL) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${dbName}`;
  env.DATABASE_URL = url.toString();
} else {
  env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'amb-e2e-'));
}
startProcess(bin('tsx'), ['apps/api/src/server.ts'], { env });
