import { activityKinds } from '@amb/shared/activity';
import type { Principle } from '@amb/shared/principles';
import { notFound } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

/** Renames, re-describes, reorders or archives a principle; archived ones stay on the cards that have them. */
export async function updatePrinciple(
  { db, actor }: ServiceContext,
  principleId: string,
  body: { name?: string; description?: string; position?: number; archived?: boolean },
): Promise<Principle> {
  requireAdmin(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.principle.findUnique({ where: { id: principleId } });
    if (!before) throw notFound('Principle');
    const { archived, ...fields } = body;
    const p = await tx.principle.update({
      where: { id: principleId },
      data: {
        ...fields,
        ...(archived === undefined ? {} : { archivedAt: archived ? (before.archivedAt ?? new Date()) : null }),
      },
    });
    await recordActivity(tx, {
      actorId: actor.id,
      kind: activityKinds.principleUpdated,
      from: {
        principleId: p.id,
        name: before.name,
        description: before.description,
        position: before.position,
        archived: before.archivedAt !== null,
      },
      to: { principleId: p.id, ...body },
    });
    const { archivedAt, ...rest } = p;
    return { ...rest, archived: archivedAt !== null };
  });
}
