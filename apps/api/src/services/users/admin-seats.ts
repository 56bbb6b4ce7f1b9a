import { adminSeatRefusal, type AdminSeatChange } from '@amb/domain/organisation';
import type { Prisma } from '../../db/prisma';
import { AppError, notFound } from '../../lib/app-error';
import type { Actor } from '../context';

/**
 * Reads the person a change is about, under a lock on every active admin's row, and refuses a change that would
 * leave no active admin. The lock makes two admins demoting each other at once queue, so one of them stays.
 */
export async function lockPersonForSeatChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  userId: string,
  change: AdminSeatChange,
) {
  const admins = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM users WHERE org_role = 'ADMIN' AND deactivated_at IS NULL ORDER BY id FOR UPDATE`;
  const person = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, orgRole: true, deactivatedAt: true },
  });
  if (!person) throw notFound('Person');
  const refusal = adminSeatRefusal(
    { orgRole: person.deactivatedAt ? 'NONE' : person.orgRole, isSelf: userId === actor.id },
    change,
    admins.length,
  );
  if (refusal) throw new AppError('CONFLICT', refusal);
  return person;
}
