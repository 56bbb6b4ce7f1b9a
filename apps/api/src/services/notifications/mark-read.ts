import { notFound } from '../../lib/app-error';
import type { ServiceContext } from '../context';
import { announce } from './fan-out';
import { countUnread } from './list-inbox';

/** Marks one of the person's notifications read; someone else's is "not found". */
export async function markNotificationRead(ctx: ServiceContext, notificationId: string) {
  const { db, actor } = ctx;
  await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { id: BigInt(notificationId), userId: actor.id },
      data: { readAt: new Date() },
    });
    if (!count) throw notFound('Notification');
    await announce(tx, [actor.id]);
  });
  return countUnread(ctx);
}

/** Marks every notification of the person read (their other tabs' bells follow). */
export async function markAllNotificationsRead(ctx: ServiceContext) {
  const { db, actor } = ctx;
  await db.$transaction(async (tx) => {
    await tx.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
    await announce(tx, [actor.id]);
  });
  return countUnread(ctx);
}
