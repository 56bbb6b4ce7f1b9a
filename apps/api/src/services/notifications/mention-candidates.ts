import { isOrgWide } from '@amb/domain/access';
import type { MentionCandidates } from '@amb/shared/notifications';
import type { ServiceContext } from '../context';
import { loadCardFor } from '../cards/load-card';
import { requireTeamAccess } from '../access/team-access';

const LIMIT = 8;

/**
 * The people a mention on one of the team's cards may name: those who can read them (the team's members and the
 * organisation's PMO staff and admins), active, matching what was typed. Only someone who reads the team may ask,
 * and the list never names anyone outside those readers.
 */
async function teamReaders({ db }: ServiceContext, teamId: string, q: string | undefined): Promise<MentionCandidates> {
  const people = await db.user.findMany({
    where: {
      deactivatedAt: null,
      OR: [{ memberships: { some: { teamId } } }, { orgRole: { in: ['PMO', 'ADMIN'] } }],
      ...(q ? { name: { contains: q, mode: 'insensitive' as const } } : {}),
    },
    select: { id: true, name: true, orgRole: true },
    orderBy: { name: 'asc' },
    take: LIMIT * 2,
  });
  // Members first: they are the ones usually meant.
  const ordered = [...people.filter((p) => !isOrgWide(p.orgRole)), ...people.filter((p) => isOrgWide(p.orgRole))];
  return { people: ordered.slice(0, LIMIT).map(({ id, name }) => ({ id, name })) };
}

export async function cardMentionCandidates(ctx: ServiceContext, cardId: string, q?: string) {
  const card = await loadCardFor(ctx.db, ctx.actor, cardId, 'view');
  return teamReaders(ctx, card.teamId, q);
}

export async function teamMentionCandidates(ctx: ServiceContext, teamId: string, q?: string) {
  await requireTeamAccess(ctx.db, ctx.actor, teamId, 'view');
  return teamReaders(ctx, teamId, q);
}
