import { activityKinds } from '@amb/shared/activity';
import type { CreateTeamBody, Team } from '@amb/shared/teams';
import { Prisma } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { defaultColumns } from '../boards/default-columns';

/** Creates a team with a first board laid out with the usual columns. Admins only. */
export async function createTeam({ db, actor }: ServiceContext, body: CreateTeamBody): Promise<Team> {
  requireAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({ data: { name: body.name, slug: body.slug, kind: body.kind } });
      const board = await tx.board.create({
        data: { teamId: team.id, name: `${body.name} board`, columns: { create: defaultColumns() } },
      });
      await recordActivity(tx, { actorId: actor.id, teamId: team.id, boardId: board.id, kind: activityKinds.teamCreated, to: { name: team.name } });
      return { id: team.id, name: team.name, slug: team.slug, kind: team.kind, myRole: null, boards: [{ id: board.id, name: board.name }] };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'A team with this slug already exists', {
        fields: [{ field: 'body.slug', message: 'is already taken' }],
      });
    }
    throw error;
  }
}
