import { activityKinds } from '@amb/shared/activity';
import type { SignUpSettings } from '@amb/shared/organisation';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { readSignUpSettings } from './sign-up-settings';

export async function getSignUpSettings({ db, actor }: ServiceContext): Promise<SignUpSettings> {
  requireAdmin(actor);
  return readSignUpSettings(db);
}

/** Sets who may sign up without an invitation: anyone, nobody, or addresses at the listed domains. Admins only. */
export async function updateSignUpSettings(
  { db, actor }: ServiceContext,
  body: SignUpSettings,
): Promise<SignUpSettings> {
  requireAdmin(actor);
  const next = {
    signUpPolicy: body.signUpPolicy,
    allowedDomains: body.signUpPolicy === 'DOMAINS' ? [...new Set(body.allowedDomains)].sort() : [],
  };
  return db.$transaction(async (tx) => {
    const before = await readSignUpSettings(tx);
    await tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, ...next }, update: next });
    await recordActivity(tx, { actorId: actor.id, kind: activityKinds.signUpPolicyChanged, from: before, to: next });
    return next;
  });
}
