import type { Db } from '../../src/db/prisma';
import { spreadRanks } from '@amb/domain/ranks';

/** Puts `count` open cards into a column, ranked top to bottom, straight into the database. */
export async function addCards(db: Db, boardId: string, columnId: string, count: number, title = 'Card') {
  const ranks = spreadRanks(count);
  await db.card.createMany({ data: ranks.map((rank, i) => ({ boardId, columnId, rank, title: `${title} ${i + 1}` })) });
  return db.card.findMany({ where: { columnId, title: { startsWith: `${title} ` } }, orderBy: { rank: 'asc' } });
}

/** Calls the API over real HTTP, so requests from many clients overlap in the database. */
export function httpClient(baseUrl: string, cookie: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api${path}`, {
      method,
      // Writes name the app as their origin, as its pages do.
      headers: { cookie, origin: baseUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}
