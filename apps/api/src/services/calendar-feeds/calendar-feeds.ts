// Calendar feeds: a secret URL a calendar app subscribes to, listing "my cards" or one team's cards by due date. Kept
// like API tokens: only the secret's SHA-256 is stored; it is shown once, at creation and at renewal (decision 73).
import { randomBytes } from 'node:crypto';
import {
  CALENDAR_FEED_MAX_PER_PERSON,
  createCalendarFeedBodySchema,
  type CalendarFeed,
  type CreateCalendarFeedBody,
  type CreatedCalendarFeed,
} from '@amb/shared/account';
import { activityKinds } from '@amb/shared/activity';
import type { Prisma } from '../../db/prisma';
import { AppError, notFound } from '../../lib/app-error';
import { hashSecret } from '../../lib/secrets';
import { requireTeamAccess } from '../access/team-access';
import type { AuthenticatedBy } from '../api-tokens/api-tokens';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

/** What every feed secret starts with, so secret scanners and people can tell one when they see it. */
export const CALENDAR_FEED_PREFIX = 'amb_cal_';
export const MY_CARDS = 'My cards';

type Row = {
  id: string;
  userId: string;
  teamId: string | null;
  createdAt: Date;
  renewedAt: Date | null;
  team: { id: string; name: string } | null;
};
const teamSelect = { team: { select: { id: true, name: true } } } as const;
/** The calendar's name in the person's calendar app. */
export const feedName = (team: { name: string } | null) => (team ? `${team.name} cards` : MY_CARDS);
const toCalendarFeed = (f: Row): CalendarFeed => ({
  id: f.id,
  scope: f.team ? 'team' : 'mine',
  team: f.team,
  name: feedName(f.team),
  createdAt: f.createdAt.toISOString(),
  renewedAt: f.renewedAt?.toISOString() ?? null,
});
const newSecret = () => `${CALENDAR_FEED_PREFIX}${randomBytes(32).toString('base64url')}`;
/** The address a calendar app subscribes to; `origin` is PUBLIC_URL, or the address the request came to. */
export const feedUrl = (origin: string, secret: string) =>
  `${origin.replace(/\/$/, '')}/api/calendar-feeds/${secret}.ics`;
const logged = (f: Row) => ({ feedId: f.id, userId: f.userId, teamId: f.teamId, name: feedName(f.team) });

/** Feeds are made, renewed and revoked by a person signed in with a password, never with an API token. */
function refuseTokens(via: AuthenticatedBy) {
  if (via === 'token')
    throw new AppError('FORBIDDEN', 'API tokens cannot manage calendar feeds; sign in to the app to manage them', {
      fields: [{ field: 'headers.authorization', message: 'cannot manage calendar feeds' }],
    });
}

/** Makes a feed for the signed-in person; the answer is the only place its URL ever appears. */
export async function createCalendarFeed(
  { db, actor }: ServiceContext,
  input: CreateCalendarFeedBody,
  via: AuthenticatedBy,
  origin: string,
): Promise<CreatedCalendarFeed> {
  refuseTokens(via);
  const body = createCalendarFeedBodySchema.parse(input);
  const teamId = body.scope === 'team' ? body.teamId : null;
  if (teamId) await requireTeamAccess(db, actor, teamId, 'view');
  const secret = newSecret();
  return db.$transaction(async (tx) => {
    // One person's feed count is checked under a lock on the person, so two requests cannot both pass it.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${actor.id} FOR UPDATE`;
    const count = await tx.calendarFeed.count({ where: { userId: actor.id, revokedAt: null } });
    if (count >= CALENDAR_FEED_MAX_PER_PERSON)
      throw new AppError(
        'LIMIT_REACHED',
        `You already have ${CALENDAR_FEED_MAX_PER_PERSON} calendar feeds; revoke one you no longer use first`,
        { details: { limit: CALENDAR_FEED_MAX_PER_PERSON, kind: 'calendarFeeds' } },
      );
    const created = await tx.calendarFeed.create({
      data: { userId: actor.id, teamId, tokenHash: hashSecret(secret) },
      include: teamSelect,
    });
    await recordActivity(tx, { actorId: actor.id, kind: activityKinds.calendarFeedCreated, to: logged(created) });
    return { ...toCalendarFeed(created), url: feedUrl(origin, secret) };
  });
}

/** The signed-in person's live feeds, newest first. */
export async function listCalendarFeeds({ db, actor }: ServiceContext): Promise<CalendarFeed[]> {
  const feeds = await db.calendarFeed.findMany({
    where: { userId: actor.id, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    include: teamSelect,
  });
  return feeds.map(toCalendarFeed);
}

async function ownFeed(tx: Prisma.TransactionClient, userId: string, feedId: string) {
  const feed = await tx.calendarFeed.findFirst({
    where: { id: feedId, userId, revokedAt: null },
    include: teamSelect,
  });
  if (!feed) throw notFound('Calendar feed');
  return feed;
}

/** Gives one of the person's feeds a new secret: the old URL stops working at once; the new one is in this answer only. */
export async function renewCalendarFeed(
  { db, actor }: ServiceContext,
  feedId: string,
  via: AuthenticatedBy,
  origin: string,
): Promise<CreatedCalendarFeed> {
  refuseTokens(via);
  const secret = newSecret();
  return db.$transaction(async (tx) => {
    const feed = await ownFeed(tx, actor.id, feedId);
    const renewed = await tx.calendarFeed.update({
      where: { id: feed.id },
      data: { tokenHash: hashSecret(secret), renewedAt: new Date() },
      include: teamSelect,
    });
    await recordActivity(tx, { actorId: actor.id, kind: activityKinds.calendarFeedRenewed, to: logged(renewed) });
    return { ...toCalendarFeed(renewed), url: feedUrl(origin, secret) };
  });
}

/** Revokes one of the person's feeds: its URL answers "not found" from now on. */
export async function revokeCalendarFeed({ db, actor }: ServiceContext, feedId: string, via: AuthenticatedBy) {
  refuseTokens(via);
  await db.$transaction(async (tx) => {
    const feed = await ownFeed(tx, actor.id, feedId);
    await tx.calendarFeed.update({ where: { id: feed.id }, data: { revokedAt: new Date() } });
    await recordActivity(tx, { actorId: actor.id, kind: activityKinds.calendarFeedRevoked, from: logged(feed) });
  });
}
