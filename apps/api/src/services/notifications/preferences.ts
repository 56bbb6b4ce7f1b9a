import {
  defaultDelivery,
  notificationKinds,
  type NotificationDelivery,
  type Preferences,
  type UpdatePreferencesBody,
} from '@amb/shared/notifications';
import type { Db } from '../../db/prisma';
import type { ServiceContext } from '../context';

/** The zone a person's reminders and digest use when they chose none: their first team's, or UTC. */
export async function defaultTimeZone(db: Db, userId: string) {
  const first = await db.membership.findFirst({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { team: { select: { timeZone: true } } },
  });
  return first?.team.timeZone ?? 'UTC';
}

export async function getPreferences({ db, actor }: ServiceContext): Promise<Preferences> {
  const [user, rows, zone] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { timeZone: true, digestHour: true, notificationsPausedUntil: true },
    }),
    db.notificationPreference.findMany({ where: { userId: actor.id } }),
    defaultTimeZone(db, actor.id),
  ]);
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery as NotificationDelivery]));
  return {
    kinds: notificationKinds.map((kind) => ({ kind, delivery: chosen.get(kind) ?? defaultDelivery(kind) })),
    timeZone: user.timeZone,
    defaultTimeZone: zone,
    digestHour: user.digestHour,
    pausedUntil: user.notificationsPausedUntil?.toISOString() ?? null,
  };
}

export async function updatePreferences(ctx: ServiceContext, body: UpdatePreferencesBody): Promise<Preferences> {
  const { db, actor } = ctx;
  await db.$transaction(async (tx) => {
    for (const { kind, delivery } of body.kinds ?? []) {
      await tx.notificationPreference.upsert({
        where: { userId_kind: { userId: actor.id, kind } },
        create: { userId: actor.id, kind, delivery },
        update: { delivery },
      });
    }
    await tx.user.update({
      where: { id: actor.id },
      data: {
        timeZone: body.timeZone,
        digestHour: body.digestHour,
        notificationsPausedUntil:
          body.pausedUntil === undefined ? undefined : body.pausedUntil && new Date(body.pausedUntil),
      },
    });
  });
  return getPreferences(ctx);
}
