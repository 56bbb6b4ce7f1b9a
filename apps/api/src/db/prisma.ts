import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;
export { Prisma } from '../generated/prisma/client';

/** The one Prisma client, the same for PostgreSQL and the embedded database: both speak the wire protocol. */
export function createPrisma(databaseUrl: string, poolSize: number): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize });
  return new PrismaClient({ adapter });
}
