import type { SignUpSettings } from '@amb/shared/organisation';
import type { Db, Prisma } from '../../db/prisma';

/** The organisation's sign-up policy (invitation-only until an admin opens it). */
export async function readSignUpSettings(db: Db | Prisma.TransactionClient): Promise<SignUpSettings> {
  const row = await db.orgSettings.findUnique({
    where: { id: 1 },
    select: { signUpPolicy: true, allowedDomains: true },
  });
  return row ?? { signUpPolicy: 'INVITATION_ONLY', allowedDomains: [] };
}
