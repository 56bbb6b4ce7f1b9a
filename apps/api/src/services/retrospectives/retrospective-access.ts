import { can, type TeamAction } from '@amb/domain/access';
import type { Db, Prisma } from '../../db/prisma';
import { AppError, invalidField, notFound } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import type { Actor } from '../context';

type Tx = Prisma.TransactionClient;

/** The sprint a retrospective belongs to, once the actor may take `action` on its team. */
export async function loadRetroSprint(db: Db, actor: Actor, sprintId: string, action: TeamAction) {
  const sprint = await db.sprint.findUnique({
    where: { id: sprintId },
    select: { id: true, name: true, state: true, teamId: true, startDate: true, retrospective: true },
  });
  if (!sprint) throw notFound('Sprint');
  const access = await requireTeamAccess(db, actor, sprint.teamId, action, 'Sprint');
  return { sprint, access };
}

/** A note with its retrospective and sprint, once the actor may take `action` on its team. */
export async function loadNote(db: Db, actor: Actor, noteId: string, action: TeamAction) {
  return (await loadNoteWithAccess(db, actor, noteId, action)).note;
}

async function loadNoteWithAccess(db: Db, actor: Actor, noteId: string, action: TeamAction) {
  const note = await db.retrospectiveNote.findUnique({
    where: { id: noteId },
    include: { retrospective: { include: { sprint: { select: { id: true, name: true, teamId: true } } } } },
  });
  if (!note) throw notFound('Note');
  const access = await requireTeamAccess(db, actor, note.retrospective.sprint.teamId, action, 'Note');
  return { note, access };
}

/**
 * A note the actor may change (edit or delete): their own, while they still work on the team, or anyone's for a
 * scrum master or admin. Someone who cannot read the team gets "not found", like every other note route.
 */
export async function loadNoteToChange(db: Db, actor: Actor, noteId: string) {
  const { note, access } = await loadNoteWithAccess(db, actor, noteId, 'view');
  const own = note.authorId === actor.id && can(access, 'work');
  if (!own && !can(access, 'run-retrospectives'))
    throw new AppError('FORBIDDEN', 'Only the note’s author or a scrum master can change this note');
  return note;
}

/**
 * Locks the note's row for the rest of the transaction and reads what a change must check: that it is still there,
 * and not an action that has become a card (the card is what changes from then on). `FOR UPDATE` for a deletion,
 * `FOR NO KEY UPDATE` for an edit (votes being placed on the note at the same time need not wait for it).
 */
export async function lockNoteToChange(tx: Tx, noteId: string, mode: 'delete' | 'edit') {
  const [row] =
    mode === 'delete'
      ? await tx.$queryRaw<
          { card_id: string | null }[]
        >`SELECT card_id FROM retrospective_notes WHERE id = ${noteId} FOR UPDATE`
      : await tx.$queryRaw<
          { card_id: string | null }[]
        >`SELECT card_id FROM retrospective_notes WHERE id = ${noteId} FOR NO KEY UPDATE`;
  if (!row) throw notFound('Note');
  if (row.card_id) {
    throw new AppError('CONFLICT', 'This action is already a backlog card: change the card instead', {
      fields: [{ field: 'params.noteId', message: 'is already a card' }],
      details: { cardId: row.card_id },
    });
  }
}

/** A manifesto principle a note may be tagged with: one that exists and is not archived. */
export async function requireActivePrinciple(db: Db, principleId: string) {
  const principle = await db.principle.findUnique({ where: { id: principleId }, select: { archivedAt: true } });
  if (!principle || principle.archivedAt)
    throw invalidField('body.principleId', 'must be one of the manifesto’s principles');
}

/**
 * The board whose live stream carries the team's retrospective changes: its first open board. Streams are per
 * board, and every team starts with one; entries written under it reach everyone watching that board.
 */
export async function liveBoardOf(db: Db | Tx, teamId: string): Promise<string | null> {
  const board = await db.board.findFirst({
    where: { teamId, archivedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  return board?.id ?? null;
}

/** Where a retrospective's entries are stored: under its sprint, and under the board whose stream carries them. */
export async function retrospectiveEntrySubject(tx: Tx, actorId: string, sprint: { id: string; teamId: string }) {
  return { actorId, teamId: sprint.teamId, sprintId: sprint.id, boardId: await liveBoardOf(tx, sprint.teamId) };
}

/**
 * Holds the retrospective still (a shared row lock) for the rest of the transaction and checks that it takes notes
 * and votes: closing it waits until this write commits, and a write that waits on a close sees it closed.
 */
export async function requireOpen(tx: Tx, retrospectiveId: string, field: string, what?: string) {
  const [row] = await tx.$queryRaw<{ state: string; votes_per_person: number }[]>`
    SELECT state::text AS state, votes_per_person FROM retrospectives WHERE id = ${retrospectiveId} FOR SHARE`;
  if (row?.state !== 'OPEN') throw closedRetrospective(field, what);
  return { votesPerPerson: row.votes_per_person };
}

export const closedRetrospective = (field: string, what = 'added to') =>
  new AppError('CONFLICT', `This retrospective is closed: it can be read, not ${what}`, {
    fields: [{ field, message: 'is a closed retrospective' }],
  });

export const notOpened = (field: string) =>
  new AppError('CONFLICT', 'This sprint’s retrospective has not been opened yet', {
    fields: [{ field, message: 'has no open retrospective' }],
  });
