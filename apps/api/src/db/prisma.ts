import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;
export { Prisma } from '../generated/prisma/client';

const pools = new WeakMap<Db, pg.Pool>();

/** The one Prisma client, the same for PostgreSQL and the embedded database: both speak the wire protocol. */
export function createPrisma(databaseUrl: string, poolSize: number, { jit = false }: { jit?: boolean } = {}): Db {
  // Set as each connection starts: PostgreSQL's JIT compiler (see DATABASE_JIT in config), and UTC, so that whatever
  // zone the server or database is set to, nothing the API reads or writes depends on it (the embedded database
  // ignores these and stays in its own zone, UTC).
  const options = `-c TimeZone=UTC${jit ? '' : ' -c jit=off'}`;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options });
  // A connection that breaks while idle leaves the pool; the next query opens another.
  pool.on('error', () => {});
  // A connection can also break while checked out and between two queries (PostgreSQL restarts, a failover,
  // pg_terminate_backend). pg reports that as an 'error' event on the client, which without a listener ends the
  // process. The query in flight fails on its own (and is answered 503); the broken client is discarded on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  // A transaction waits up to 10 s for its turn (Prisma's default is 2 s): the embedded database runs one at a
  // time, and a burst of writes queues there. Past that, the request answers 503 and the client may retry.
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: 10_000 },
  });
  pools.set(prisma, pool);
  return prisma;
}

// Each connection names its prepared statements apart: the embedded database serves all connections from one
// session, where the same name prepared twice would collide.
const connectionTags = new WeakMap<pg.PoolClient, string>();
let connections = 0;

/**
 * Plain SQL on the Prisma client's own connection pool, for the few paths taken on nearly every request (the
 * session, moving a card): no ORM work per query, and a statement that each connection plans once.
 */
export async function sql<Row extends pg.QueryResultRow>(
  db: Db,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = pools.get(db);
  if (!pool) throw new Error('This Prisma client was not made by createPrisma');
  const client = await pool.connect();
  let tag = connectionTags.get(client);
  if (!tag) connectionTags.set(client, (tag = `c${++connections}`));
  try {
    const { rows } = await client.query<Row>({ name: `${name}-${tag}`, text, values });
    client.release();
    return rows;
  } catch (error) {
    // As pg's own pool.query does: a connection that saw an error is closed, not reused.
    client.release(error as Error);
    throw error;
  }
}
