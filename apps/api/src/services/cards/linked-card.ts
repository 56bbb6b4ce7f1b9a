import type { z } from 'zod';
import { canSeeTeam } from '@amb/domain/access';
import type { linkedCardSchema } from '@amb/shared/cards';
import type { Db, Prisma } from '../../db/prisma';
import { teamAccess } from '../access/team-access';
import type { Actor } from '../context';

export const linkedCardInclude = {
  column: { select: { name: true, flowCategory: true } },
  board: { select: { teamId: true, team: { select: { name: true } } } },
} satisfies Prisma.CardInclude;

type LinkedCardRow = Prisma.CardGetPayload<{ include: typeof linkedCardInclude }>;

/** The other end of a link, as the panel shows it: which team, which column, whether it is done. */
export function toLinkedCard(c: LinkedCardRow): z.infer<typeof linkedCardSchema> {
  return {
    id: c.id,
    title: c.title,
    boardId: c.boardId,
    teamId: c.board.teamId,
    teamName: c.board.team.name,
    columnName: c.column.name,
    done: c.column.flowCategory === 'DONE',
  };
}

/**
 * Which of these teams the person can see. A link may join cards of two teams; the other card is shown only to
 * those who could open it, and to the rest as a link to another team, without its title, team or column.
 */
export async function visibleTeams(db: Db, actor: Actor, teamIds: Iterable<string>): Promise<Set<string>> {
  const ids = [...new Set(teamIds)];
  const access = await Promise.all(ids.map(async (id) => [id, await teamAccess(db, actor, id)] as const));
  return new Set(access.filter(([, a]) => a && canSeeTeam(a)).map(([id]) => id));
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? uuid.test(value)
      ? [value]
      : []
    : value && typeof value === 'object'
      ? Object.values(value).flatMap(idsIn)
      : [];

/**
 * History entries about links name the other card (its id, and in older entries its title). Where that card is on
 * a team the person cannot see, the entry keeps only the kind of link.
 */
export async function hideUnreadableLinkedCards<E extends { kind: string; from: unknown; to: unknown }>(
  db: Db,
  actor: Actor,
  cardId: string,
  entries: E[],
): Promise<E[]> {
  const isLink = (e: E) => e.kind.startsWith('link.');
  const others = [...new Set(entries.filter(isLink).flatMap((e) => [...idsIn(e.from), ...idsIn(e.to)]))].filter(
    (id) => id !== cardId,
  );
  if (!others.length) return entries;
  const cards = await db.card.findMany({
    where: { id: { in: others } },
    select: { id: true, board: { select: { teamId: true } } },
  });
  const visible = await visibleTeams(
    db,
    actor,
    cards.map((c) => c.board.teamId),
  );
  const readable = new Set(cards.filter((c) => visible.has(c.board.teamId)).map((c) => c.id));
  const only = (payload: unknown) =>
    payload && typeof payload === 'object' && 'kind' in payload ? { kind: payload.kind } : null;
  return entries.map((e) => {
    if (!isLink(e) || [...idsIn(e.from), ...idsIn(e.to)].every((id) => id === cardId || readable.has(id))) return e;
    return { ...e, from: only(e.from), to: only(e.to) };
  });
}
