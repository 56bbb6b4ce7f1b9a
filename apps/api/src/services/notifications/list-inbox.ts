import type { Inbox, NotificationKind } from '@amb/shared/notifications';
import type { ServiceContext } from '../context';
import { describeNotification, notificationLink } from './describe';
import { notificationTeamFilter } from './visible-teams';

const LIMIT = 100;

/**
 * A person's newest notifications (at most 100) and how many are unread. Those about a team the person can no
 * longer see are left out, so an inbox never shows what access no longer allows.
 */
export async function listInbox({ db, actor }: ServiceContext, unreadOnly = false): Promise<Inbox> {
  const visible = await notificationTeamFilter(db, actor);
  const where = { userId: actor.id, ...visible };
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { ...where, ...(unreadOnly ? { readAt: null } : {}) },
      orderBy: { id: 'desc' },
      take: LIMIT,
    }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  const cardIds = [...new Set(rows.map((r) => r.cardId).filter((id): id is string => !!id))];
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const [cards, actors] = await Promise.all([
    db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true, title: true } }),
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }),
  ]);
  const titles = new Map(cards.map((c) => [c.id, c.title]));
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return {
    unread,
    notifications: rows.map((r) => {
      const kind = r.kind as NotificationKind;
      const actorName = r.actorId ? (names.get(r.actorId) ?? null) : null;
      return {
        id: String(r.id),
        kind,
        teamId: r.teamId,
        cardId: r.cardId,
        cardTitle: r.cardId ? (titles.get(r.cardId) ?? null) : null,
        actorName,
        text: describeNotification(kind, actorName, r.data),
        link: notificationLink(kind, r.teamId, r.cardId),
        createdAt: r.createdAt.toISOString(),
        read: r.readAt !== null,
      };
    }),
  };
}

export async function countUnread({ db, actor }: ServiceContext) {
  return {
    unread: await db.notification.count({
      where: { userId: actor.id, readAt: null, ...(await notificationTeamFilter(db, actor)) },
    }),
  };
}
