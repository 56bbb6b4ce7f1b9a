import type { Db } from '../../db/prisma';
import { invalidField } from '../../lib/app-error';

/** A campaign's owner is an active person of the organisation. */
export async function requireOwner(db: Db, ownerId: string) {
  const owner = await db.user.findFirst({ where: { id: ownerId, deactivatedAt: null }, select: { id: true } });
  if (!owner) throw invalidField('body.ownerId', 'must be an active person of the organisation');
}
