import type { TeamAction } from '@amb/domain/access';
import type { Db, Prisma } from '../../db/prisma';
import { AppError, notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { Actor } from '../context';

type Tx = Prisma.TransactionClient;

/** The sprint a retrospective belongs to, once the actor may take `action` on its team. */
export async function loadRetroSprint(db: Db, actor: Actor, sprintId: string, action: TeamAction) {
  const sprint = await db.sprint.findUnique({ where: { id: sprintId }, select: { id: true, name: true, state: true, teamId: true, startDate: true, retrospective: true } });
  if (!sprint) throw notFound('Sprint');
  const access = await requireTeamAccess(db, actor, sprint.teamId, action, 'Sprint');
  return { sprint, access };
}

/** A note with its retrospective and sprint, once the actor may take `action` on its team. */
export async function loadNote(db: Db, actor: Actor, noteId: string, action: TeamAction) {
  const note = await db.retrospectiveNote.findUnique({ where: { id: noteId }, include: { retrospective: { include: { sprint: { select: { id: true, name: true, teamId: true } } } } } });
  if (!note) throw notFound('Note');
  await requireTeamAccess(db, actor, note.retrospective.sprint.teamId, action, 'Note');
  return note;
}

/**
 * The board whose live stream carries the team's retrospective changes: its first open board. Streams are per
 * board, and every team starts with one; entries written under it reach everyone watching that board.
 */
export async function liveBoardOf(db: Db | Tx, teamId: string): Promise<string | null> {
  const board = await db.board.findFirst({ where: { teamId, archivedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true } });
  return board?.id ?? null;
}

/**
 * Holds the retrospective still (a shared row lock) for the rest of the transaction and checks that it takes notes
 * and votes: closing it waits until this write commits, and a write that waits on a close sees it closed.
 */
export async function requireOpen(tx: Tx, retrospectiveId: string, field: string) {
  const [row] = await tx.$queryRaw<{ state: string; votes_per_person: number }[]>`
    SELECT state::text AS state, votes_per_person FROM retrospectives WHERE id = ${retrospectiveId} FOR SHARE`;
  if (row?.state !== 'OPEN') throw closedRetrospective(field);
  return { votesPerPerson: row.votes_per_person };
}

export const closedRetrospective = (field: string) =>
  new AppError('CONFLICT', 'This retrospective is closed: it can be read, not added to', { fields: [{ field, message: 'is a closed retrospective' }] });

export const notOpened = (field: string) =>
  new AppError('CONFLICT', 'This sprint’s retrospective has not been opened yet', { fields: [{ field, message: 'has no open retrospective' }] });
