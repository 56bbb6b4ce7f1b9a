import { defaultPrinciples } from '@amb/domain/principles';
import type { Db } from './prisma';

/** Gives an installation with no principles the seven of the manifesto; an edited list is left alone. */
export async function ensureDefaultPrinciples(db: Db) {
  if ((await db.principle.count()) > 0) return;
  await db.principle.createMany({
    data: defaultPrinciples.map((p, position) => ({ ...p, position })),
    skipDuplicates: true,
  });
}
