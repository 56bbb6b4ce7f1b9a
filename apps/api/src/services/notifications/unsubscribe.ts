import { timingSafeEqual } from 'node:crypto';
import { notificationKinds } from '@amb/shared/notifications';
import type { Db } from '../../db/prisma';
import { AppError } from '../../lib/app-error';

/** The person a one-click unsubscribe token names (`<person id>.<their secret>`), or a 404 for any other token. */
export async function personOfUnsubscribeToken(db: Db, token: string) {
  const [userId, key] = token.split('.', 2);
  const refuse = () => new AppError('NOT_FOUND', 'This unsubscribe link is not valid');
  if (!userId || !key || !/^[0-9a-f-]{36}$/.test(userId)) throw refuse();
  const person = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, unsubscribeKey: true },
  });
  const expected = Buffer.from(person?.unsubscribeKey ?? '');
  const given = Buffer.from(key);
  if (!person || expected.length === 0 || expected.length !== given.length || !timingSafeEqual(expected, given))
    throw refuse();
  return person;
}

/** Stops every notification e-mail to the person the token names: each kind is delivered in the app only. */
export async function unsubscribe(db: Db, token: string) {
  const person = await personOfUnsubscribeToken(db, token);
  await db.$transaction(
    notificationKinds.map((kind) =>
      db.notificationPreference.upsert({
        where: { userId_kind: { userId: person.id, kind } },
        create: { userId: person.id, kind, delivery: 'APP' },
        update: { delivery: 'APP' },
      }),
    ),
  );
  return { email: person.email };
}
