// The feed a calendar app fetches: no session, the secret in the URL is the credential, and what its person may read
// is decided again at every fetch (a person who left a team stops seeing its cards at the next refresh).
import { canSeeTeam, isOrgWide, type OrgRole, type TeamRole } from '@amb/domain/access';
import type { Db } from '../../db/prisma';
import { notFound } from '../../lib/app-error';
import { writeCalendar, type AllDayEvent } from '../../lib/icalendar';
import { hashSecret } from '../../lib/secrets';
import { CALENDAR_FEED_PREFIX, feedName } from './calendar-feeds';

/** The card's page in the web app, under PUBLIC_URL or the address the request came to. */
export const cardUrl = (origin: string, teamId: string, cardId: string) =>
  `${origin.replace(/\/$/, '')}/teams/${teamId}/board/cards/${cardId}`;

const writtenDay = (date: Date) => date.toISOString().slice(0, 10);

/** The feed's calendar as iCalendar text; "not found" for an unknown, revoked or no longer readable feed. */
export async function readCalendarFeed(db: Db, secret: string, origin: string): Promise<string> {
  // Every secret is hashed and looked up, well formed or not, so the answer takes as long whatever was wrong with it.
  const tokenHash = hashSecret(secret.slice(0, 200));
  const feed = await db.calendarFeed.findFirst({
    where: { tokenHash, revokedAt: null, user: { deactivatedAt: null } },
    select: {
      userId: true,
      teamId: true,
      user: { select: { orgRole: true } },
      team: { select: { id: true, name: true, memberships: { select: { userId: true, role: true } } } },
    },
  });
  if (!feed || !secret.startsWith(CALENDAR_FEED_PREFIX)) throw notFound('Calendar feed');
  const orgRole = feed.user.orgRole as OrgRole;
  if (feed.team) {
    const membership = feed.team.memberships.find((m) => m.userId === feed.userId);
    if (!canSeeTeam({ orgRole, teamRole: (membership?.role as TeamRole | undefined) ?? null }))
      throw notFound('Calendar feed');
  }
  const cards = await db.card.findMany({
    where: {
      archivedAt: null,
      dueDate: { not: null },
      ...(feed.teamId
        ? { board: { teamId: feed.teamId } }
        : {
            owners: { some: { userId: feed.userId } },
            // Only teams the person can read now: every team for the PMO and admins, else the teams they belong to.
            board: isOrgWide(orgRole) ? {} : { team: { memberships: { some: { userId: feed.userId } } } },
          }),
    },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      title: true,
      startDate: true,
      dueDate: true,
      updatedAt: true,
      blocked: true,
      blockedReason: true,
      column: { select: { name: true } },
      owners: { select: { user: { select: { name: true } } }, orderBy: { user: { name: 'asc' } } },
      board: { select: { team: { select: { id: true } } } },
    },
  });
  const events = cards.map((card): AllDayEvent => {
    const team = card.board.team;
    const owners = card.owners.map((o) => o.user.name);
    const description = [
      `Column: ${card.column.name}`,
      owners.length ? `Owners: ${owners.join(', ')}` : 'No owner',
      ...(card.blocked ? [`Blocked${card.blockedReason ? `: ${card.blockedReason}` : ''}`] : []),
    ].join('\n');
    return {
      uid: `card-${card.id}@agile-marketing-board`,
      // Days as the card panel writes them (the day's start in UTC), so the feed, the panel and the calendar page
      // name the same day wherever the team is.
      day: writtenDay(card.dueDate!),
      // A card that spans days (an event, a campaign push) spans them in the calendar too.
      ...(card.startDate ? { start: writtenDay(card.startDate) } : {}),
      summary: card.title,
      description,
      url: cardUrl(origin, team.id, card.id),
      changedAt: card.updatedAt,
    };
  });
  return writeCalendar({ name: feedName(feed.team), events });
}
