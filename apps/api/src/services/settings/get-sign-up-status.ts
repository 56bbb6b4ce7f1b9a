import type { SignUpStatus } from '@amb/shared/organisation';
import type { Db } from '../../db/prisma';
import { readSignUpSettings } from './sign-up-settings';

/** Whether the next account is the first (the admin) and which sign-up policy holds. Anyone may ask. */
export async function getSignUpStatus(db: Db, signUpEnabled: boolean): Promise<SignUpStatus> {
  const [settings, anyone] = await Promise.all([readSignUpSettings(db), db.user.findFirst({ select: { id: true } })]);
  return {
    firstRun: !anyone,
    signUpPolicy: signUpEnabled ? settings.signUpPolicy : 'INVITATION_ONLY',
    allowedDomains: signUpEnabled && settings.signUpPolicy === 'DOMAINS' ? settings.allowedDomains : [],
  };
}
