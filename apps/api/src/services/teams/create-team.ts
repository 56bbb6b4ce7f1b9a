import { boardTemplates } from '@amb/domain/board-templates';
import { activityKinds } from '@amb/shared/activity';
import type { CreateTeamBody, Team } from '@amb/shared/teams';
import { Prisma } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { requireAdmin } from '../access/team-access';
import { recordActivity } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { defaultColumns } from '../boards/default-columns';

type Tx = Prisma.TransactionClient;

/** A slug from the team's name, made unique with a number when another team has it. */
async function freeSlug(tx: Tx, name: string) {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'team';
  const taken = new Set(
    (await tx.team.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((t) => t.slug),
  );
  let slug = base.length >= 2 ? base : `${base}-team`;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Creates a team with a first board, laid out from a template or with the usual columns. Admins only. */
export async function createTeam({ db, actor }: ServiceContext, body: CreateTeamBody): Promise<Team> {
  requireAdmin(actor);
  const template = body.template ? boardTemplates[body.template] : null;
  try {
    return await db.$transaction(async (tx) => {
      const slug = body.slug ?? (await freeSlug(tx, body.name));
      const team = await tx.team.create({ data: { name: body.name, slug, kind: body.kind } });
      const board = await tx.board.create({
        data: {
          teamId: team.id,
          name: `${body.name} board`,
          columns: {
            create: template
              ? template.columns.map((c, position) => ({
                  name: c.name,
                  position,
                  flowCategory: c.flowCategory,
                  wipLimit: c.wipLimit,
                  wipPolicy: c.wipPolicy,
                }))
              : defaultColumns(),
          },
          swimlanes: {
            create: template?.swimlanes.map((l, position) => ({ name: l.name, position, wipLimit: l.wipLimit })) ?? [],
          },
        },
      });
      await recordActivity(tx, {
        actorId: actor.id,
        teamId: team.id,
        boardId: board.id,
        kind: activityKinds.teamCreated,
        to: { name: team.name, template: body.template ?? null },
      });
      return {
        id: team.id,
        name: team.name,
        slug: team.slug,
        kind: team.kind,
        myRole: null,
        boards: [{ id: board.id, name: board.name }],
      };
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
