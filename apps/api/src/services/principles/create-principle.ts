import { activityKinds } from '@amb/shared/activity';
import type { Principle } from '@amb/shared/principles';
import { Prisma } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';

export async function createPrinciple(
  { db, actor }: ServiceContext,
  body: { key: string; name: string; description: string },
): Promise<Principle> {
  requireAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.principle.aggregate({ _max: { position: true } });
      const p = await tx.principle.create({ data: { ...body, position: (last._max.position ?? -1) + 1 } });
      await recordActivity(tx, {
        actorId: actor.id,
        kind: activityKinds.principleCreated,
        to: { principleId: p.id, key: p.key, name: p.name },
      });
      const { archivedAt, ...rest } = p;
      return { ...rest, archived: archivedAt !== null };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'A principle with this key already exists', {
        fields: [{ field: 'body.key', message: 'is already taken' }],
      });
    }
    throw error;
  }
}
