// Personal access tokens: a script acts as its person, with read-only or read-write access. The secret is shown once;
// only its SHA-256 is kept (a token is 32 random bytes, so a plain hash is as strong as it needs to be).
import { randomBytes } from 'node:crypto';
import type { OrgRole } from '@amb/domain/access';
import {
  API_TOKEN_MAX_PER_PERSON,
  createApiTokenBodySchema,
  type ApiToken,
  type CreateApiTokenBody,
  type CreatedApiToken,
} from '@amb/shared/account';
import { activityKinds } from '@amb/shared/activity';
import { sql, type Db } from '../../db/prisma';
import { AppError, notFound } from '../../lib/app-error';
import { hashSecret } from '../../lib/secrets';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { Actor, ServiceContext } from '../context';

/** What every token starts with, so secret scanners and people can tell one when they see it. */
export const API_TOKEN_PREFIX = 'amb_pat_';
// Last use is written at most this often, so a busy script does not write on every request.
const LAST_USED_EVERY_MS = 60_000;

const ownerSelect = { select: { id: true, name: true, email: true } } as const;
type Row = {
  id: string;
  name: string;
  prefix: string;
  canWrite: boolean;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  user: { id: string; name: string; email: string };
};
const toApiToken = (t: Row): ApiToken => ({
  id: t.id,
  name: t.name,
  access: t.canWrite ? 'write' : 'read',
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  owner: t.user,
});
const live = () => ({ revokedAt: null, expiresAt: { gt: new Date() } });

/** Tokens are made and revoked by a person signed in with a password, never by another token. */
function refuseTokens(via: AuthenticatedBy) {
  if (via === 'token')
    throw new AppError('FORBIDDEN', 'API tokens cannot make or revoke tokens; sign in to the app to manage them', {
      fields: [{ field: 'headers.authorization', message: 'cannot manage API tokens' }],
    });
}
export type AuthenticatedBy = 'session' | 'token';

/** Makes a token for the signed-in person; the answer is the only place its secret ever appears. */
export async function createApiToken(
  { db, actor }: ServiceContext,
  input: CreateApiTokenBody,
  via: AuthenticatedBy,
): Promise<CreatedApiToken> {
  refuseTokens(via);
  const body = createApiTokenBodySchema.parse(input);
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return db.$transaction(async (tx) => {
    // One person's token count is checked under a lock on the person, so two requests cannot both pass it.
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${actor.id} FOR UPDATE`;
    const count = await tx.apiToken.count({ where: { userId: actor.id, ...live() } });
    if (count >= API_TOKEN_MAX_PER_PERSON)
      throw new AppError(
        'CONFLICT',
        `You already have ${API_TOKEN_MAX_PER_PERSON} API tokens; revoke one you no longer use first`,
        { fields: [{ field: 'body', message: `at most ${API_TOKEN_MAX_PER_PERSON} tokens per person` }] },
      );
    const created = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: body.name,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        canWrite: body.access === 'write',
        expiresAt: new Date(Date.now() + body.expiresInDays * 86_400_000),
      },
      include: { user: ownerSelect },
    });
    await recordActivity(tx, {
      actorId: actor.id,
      kind: activityKinds.apiTokenCreated,
      to: {
        tokenId: created.id,
        userId: actor.id,
        name: created.name,
        canWrite: created.canWrite,
        expiresAt: created.expiresAt.toISOString(),
      },
    });
    return { ...toApiToken(created), token };
  });
}

/** The signed-in person's live tokens, newest first; with `everyone`, every person's (admins only). */
export async function listApiTokens({ db, actor }: ServiceContext, { everyone = false } = {}): Promise<ApiToken[]> {
  if (everyone) requireAdmin(actor);
  const tokens = await db.apiToken.findMany({
    where: { ...live(), ...(everyone ? {} : { userId: actor.id }) },
    orderBy: { createdAt: 'desc' },
    include: { user: ownerSelect },
  });
  return tokens.map(toApiToken);
}

/** Revokes a token at once: one's own, or (for an admin, with `anyone`) anybody's. */
export async function revokeApiToken(
  { db, actor }: ServiceContext,
  tokenId: string,
  via: AuthenticatedBy,
  { anyone = false } = {},
) {
  refuseTokens(via);
  if (anyone) requireAdmin(actor);
  await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, revokedAt: null, ...(anyone ? {} : { userId: actor.id }) },
    });
    if (!token) throw notFound('API token');
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordActivity(tx, {
      actorId: actor.id,
      kind: activityKinds.apiTokenRevoked,
      from: { tokenId: token.id, userId: token.userId, name: token.name },
    });
  });
}

export interface TokenActor extends Actor {
  tokenId: string;
  canWrite: boolean;
}

/** The person behind a bearer token, or null when it is unknown, expired, revoked or its person deactivated. */
export async function resolveApiToken(db: Db, token: string): Promise<TokenActor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await sql<{
    tokenId: string;
    canWrite: boolean;
    lastUsedAt: number | null;
    userId: string;
    orgRole: OrgRole;
  }>(
    db,
    'resolve-api-token',
    `SELECT t.id AS "tokenId", t.can_write AS "canWrite", extract(epoch FROM t.last_used_at)::float8 * 1000 AS "lastUsedAt",
       u.id AS "userId", u.org_role::text AS "orgRole"
     FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.deactivated_at IS NULL`,
    [hashSecret(token)],
  );
  if (!row) return null;
  if (row.lastUsedAt === null || Date.now() - row.lastUsedAt > LAST_USED_EVERY_MS) {
    await db.apiToken.updateMany({ where: { id: row.tokenId }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.userId, orgRole: row.orgRole, tokenId: row.tokenId, canWrite: row.canWrite };
}
