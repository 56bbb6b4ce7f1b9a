import type { Me } from '@amb/shared/auth';
import { notFound } from '../../lib/app-error';
import type { ServiceContext } from '../context';

export async function getMe({ db, actor }: ServiceContext): Promise<Me> {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: {
      id: true,
      email: true,
      name: true,
      orgRole: true,
      memberships: {
        where: { team: { archivedAt: null } },
        select: { role: true, team: { select: { id: true, name: true, slug: true, kind: true } } },
      },
    },
  });
  if (!user) throw notFound('User');
  return {
    user: { id: user.id, email: user.email, name: user.name, orgRole: user.orgRole },
    memberships: user.memberships
      .map((m) => ({
        teamId: m.team.id,
        teamName: m.team.name,
        teamSlug: m.team.slug,
        teamKind: m.team.kind,
        role: m.role,
      }))
      .sort((a, b) => a.teamName.localeCompare(b.teamName)),
  };
}
