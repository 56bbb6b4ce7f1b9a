import type { AccountSession } from '@amb/shared/account';
import { notFound } from '../../lib/app-error';
import type { ServiceContext } from '../context';

// A session's public id is the start of its stored id (itself a hash of the cookie): enough to tell sessions apart
// and to end one, useless for taking one over.
const publicId = (id: string) => id.slice(0, 16);

/** The signed-in person's own sessions, the current one first, then by last use. */
export async function listAccountSessions(
  { db, actor }: ServiceContext,
  currentSessionId: string,
): Promise<AccountSession[]> {
  const sessions = await db.session.findMany({
    where: { userId: actor.id, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
  });
  return sessions
    .map((s) => ({
      id: publicId(s.id),
      userAgent: s.userAgent,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      current: s.id === currentSessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends one of the signed-in person's own sessions (signing that browser out). */
export async function endAccountSession({ db, actor }: ServiceContext, sessionPublicId: string) {
  const { count } = await db.session.deleteMany({ where: { userId: actor.id, id: { startsWith: sessionPublicId } } });
  if (count === 0) throw notFound('Session');
}
