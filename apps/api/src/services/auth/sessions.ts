import { randomBytes } from 'node:crypto';
import type { OrgRole } from '@amb/domain/access';
import { sql, type Db } from '../../db/prisma';
import { hashSecret } from '../../lib/secrets';
import type { Actor } from '../context';

export const SESSION_COOKIE = 'amb_session';
// Renew the expiry at most this often, so an active person stays signed in without a write per request.
const RENEW_AFTER_MS = 60 * 60 * 1000;

const hashToken = hashSecret;

export async function createSession(db: Db, userId: string, ttlHours: number, userAgent = '') {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.session.create({ data: { id: hashToken(token), userId, expiresAt, userAgent: userAgent.slice(0, 300) } });
  return { token, expiresAt };
}

export interface SessionLifetime {
  /** Hours without use after which a session ends (sliding). */
  ttlHours: number;
  /** Hours after sign-in after which a session ends, however active (absolute). */
  maxHours: number;
}

/** The id of the session behind a cookie token, as stored. */
export const sessionIdOf = hashToken;

/** A cookie that looks like a session's but opens none: answers that must not say whether an account exists use it. */
export function decoySession(ttlHours: number) {
  return { token: randomBytes(32).toString('base64url'), expiresAt: new Date(Date.now() + ttlHours * 3600_000) };
}

/** The actor behind a session cookie, or null when the session is unknown or expired. */
export async function resolveSession(
  db: Db,
  token: string,
  { ttlHours, maxHours }: SessionLifetime,
): Promise<Actor | null> {
  const id = hashToken(token);
  // Every request asks this, so it is one joined query in plain SQL. Times come back as milliseconds since the
  // epoch: the columns hold UTC without a zone, which the driver would otherwise read as local time.
  const [session] = await sql<{
    expiresAt: number;
    lastSeenAt: number;
    createdAt: number;
    userId: string;
    orgRole: OrgRole;
  }>(
    db,
    'resolve-session',
    `SELECT extract(epoch FROM s.expires_at)::float8 * 1000 AS "expiresAt", extract(epoch FROM s.last_seen_at)::float8 * 1000 AS "lastSeenAt",
       extract(epoch FROM s.created_at)::float8 * 1000 AS "createdAt",
       u.id AS "userId", u.org_role::text AS "orgRole"
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1 AND u.deactivated_at IS NULL`,
    [id],
  );
  if (!session) return null;
  const now = Date.now();
  const endsAt = session.createdAt + maxHours * 3600_000;
  if (session.expiresAt <= now || endsAt <= now) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt > RENEW_AFTER_MS) {
    await db.session.updateMany({
      where: { id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(Math.min(now + ttlHours * 3600_000, endsAt)) },
    });
  }
  return { id: session.userId, orgRole: session.orgRole };
}

export async function endSession(db: Db, token: string) {
  await db.session.deleteMany({ where: { id: hashToken(token) } });
}
