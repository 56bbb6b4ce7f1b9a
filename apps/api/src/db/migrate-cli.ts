// npm run db:migrate: applies pending migrations to DATABASE_URL (or the embedded database in DATA_DIR).
import { loadConfig } from '../config';
import { openDatabase } from './database';

const db = await openDatabase(loadConfig(), console.log);
console.log('Database schema is up to date.');
await db.close();
