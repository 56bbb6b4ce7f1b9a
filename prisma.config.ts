import { defineConfig } from 'prisma/config';

// The CLI reads this file. The app itself builds its client with a driver adapter (apps/api/src/db).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
});
