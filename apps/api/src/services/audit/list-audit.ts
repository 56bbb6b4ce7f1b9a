import { adminActivityKinds } from '@amb/shared/activity';
import type { AuditEntry } from '@amb/shared/organisation';
import { requireAdmin } from '../access/team-access';
import type { ServiceContext } from '../context';

/** Admin actions from the activity log, newest first, a page at a time. Admins only. */
export async function listAudit({ db, actor }: ServiceContext, query: { before?: string; limit: number }) {
  requireAdmin(actor);
  const rows = await db.activity.findMany({
    where: { kind: { in: [...adminActivityKinds] }, ...(query.before ? { id: { lt: BigInt(query.before) } } : {}) },
    orderBy: { id: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  // The person an entry is about is named in its payload (`userId`), as the activity contract has it.
  const subjectOf = (r: (typeof page)[number]) => {
    const payload = (r.to ?? r.from) as { userId?: unknown } | null;
    return typeof payload?.userId === 'string' ? payload.userId : null;
  };
  const personIds = [...new Set(page.flatMap((r) => [r.actorId, subjectOf(r)]).filter((id): id is string => !!id))];
  const teamIds = [...new Set(page.map((r) => r.teamId).filter((id): id is string => !!id))];
  const [people, teams] = await Promise.all([
    db.user.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }),
  ]);
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const named = (id: string | null, names: Map<string, string>) =>
    id && names.has(id) ? { id, name: names.get(id)! } : null;
  const entries: AuditEntry[] = page.map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    kind: r.kind,
    actor: named(r.actorId, personName),
    team: named(r.teamId, teamName),
    subject: named(subjectOf(r), personName),
    from: r.from ?? undefined,
    to: r.to ?? undefined,
  }));
  return { entries, nextBefore: rows.length > query.limit ? page.at(-1)!.id.toString() : null };
}
