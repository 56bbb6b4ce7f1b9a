import { activityKinds } from '@amb/shared/activity';
import type { PersonWip, SetPersonWipLimitBody } from '@amb/shared/person-wip';
import { AppError, notFound } from '../../lib/app-error';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

/**
 * Sets a person's WIP limit across every board. A person sets their own; a scrum master sets it for the people on
 * their teams; an admin for anyone. Someone who cannot see the person gets "not found".
 */
export async function setPersonWipLimit(
  { db, actor }: ServiceContext,
  userId: string,
  body: SetPersonWipLimitBody,
): Promise<PersonWip> {
  if (actor.id !== userId && actor.orgRole !== 'ADMIN') {
    const shared = await db.membership.findMany({
      where: { userId: actor.id, team: { memberships: { some: { userId } } } },
      select: { role: true },
    });
    const refusal = 'Only the person, a scrum master of their team or an admin can set their WIP limit';
    if (!shared.length) throw actor.orgRole === 'PMO' ? new AppError('FORBIDDEN', refusal) : notFound('Person');
    if (!shared.some((m) => m.role === 'SCRUM_MASTER')) throw new AppError('FORBIDDEN', refusal);
  }
  return db.$transaction(async (tx) => {
    // The person's row is the lock moves take when they count against the limit: a change waits for them.
    const [before] = await tx.$queryRaw<{ name: string; wip_limit: number | null; wip_policy: 'SOFT' | 'HARD' }[]>`
      SELECT name, wip_limit, wip_policy::text AS wip_policy FROM users WHERE id = ${userId} FOR NO KEY UPDATE`;
    if (!before) throw notFound('Person');
    await tx.user.update({ where: { id: userId }, data: { wipLimit: body.wipLimit, wipPolicy: body.wipPolicy } });
    if (before.wip_limit !== body.wipLimit || before.wip_policy !== body.wipPolicy) {
      await recordActivity(tx, {
        actorId: actor.id,
        kind: activityKinds.personWipLimitChanged,
        from: { userId, wipLimit: before.wip_limit, wipPolicy: before.wip_policy },
        to: { userId, wipLimit: body.wipLimit, wipPolicy: body.wipPolicy },
      });
    }
    const [count] = await tx.$queryRawUnsafe<{ count: number }[]>(`SELECT person_wip_count($1, '') AS count`, userId);
    return { userId, name: before.name, wipLimit: body.wipLimit, wipPolicy: body.wipPolicy, count: count!.count };
  });
}
