import { can } from '@amb/domain/access';
import { dotsLeft, mostDotsPlaced, sortByDots } from '@amb/domain/retrospective';
import type { Retrospective, RetrospectiveNote } from '@amb/shared/retrospectives';
import type { Db, Prisma } from '../../db/prisma';
import type { ServiceContext } from '../context';
import { mentionedPeople } from '../notifications/mention-names';
import { liveBoardOf, loadRetroSprint } from './retrospective-access';

export const noteInclude = {
  author: { select: { name: true } },
  votes: { select: { userId: true, dots: true, noteId: true } },
  card: {
    select: { id: true, title: true, boardId: true, archivedAt: true, column: { select: { flowCategory: true } } },
  },
} satisfies Prisma.RetrospectiveNoteInclude;
type NoteRow = Prisma.RetrospectiveNoteGetPayload<{ include: typeof noteInclude }>;

export function toNote(n: NoteRow, userId: string, mentions: RetrospectiveNote['mentions']): RetrospectiveNote {
  return {
    id: n.id,
    group: n.group,
    text: n.text,
    mentions,
    principleId: n.principleId,
    authorId: n.authorId,
    authorName: n.author?.name ?? null,
    createdAt: n.createdAt.toISOString(),
    editedAt: n.editedAt?.toISOString() ?? null,
    dots: n.votes.reduce((sum, v) => sum + v.dots, 0),
    myDots: n.votes.find((v) => v.userId === userId)?.dots ?? 0,
    card: n.card
      ? {
          cardId: n.card.id,
          title: n.card.title,
          boardId: n.card.boardId,
          done: n.card.column.flowCategory === 'DONE',
          archived: n.card.archivedAt !== null,
        }
      : null,
  };
}

/** Notes of the team's retrospectives as the reader sees them, each mention by its current name. */
export async function toNotes(db: Db | Prisma.TransactionClient, teamId: string, rows: NoteRow[], userId: string) {
  const mentions = await mentionedPeople(
    db,
    teamId,
    rows.map((n) => n.text),
  );
  return rows.map((n, i) => toNote(n, userId, mentions[i]!));
}

/** The actions of the team's retrospective before this sprint's, with where their cards are now. */
async function previousActions(
  db: Db,
  teamId: string,
  startDate: Date,
  userId: string,
): Promise<Retrospective['previous']> {
  const before = await db.retrospective.findFirst({
    where: { sprint: { teamId, startDate: { lt: startDate } } },
    orderBy: [{ sprint: { startDate: 'desc' } }, { openedAt: 'desc' }],
    include: {
      sprint: { select: { id: true, name: true } },
      notes: { where: { group: 'ACTION' }, include: noteInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!before) return null;
  return {
    sprintId: before.sprint.id,
    sprintName: before.sprint.name,
    actions: sortByDots(await toNotes(db, teamId, before.notes, userId)),
  };
}

/** A sprint's retrospective as everyone on the team reads it: notes by votes, the reader's dots, last time's actions. */
export async function getRetrospective({ db, actor }: ServiceContext, sprintId: string): Promise<Retrospective> {
  const { sprint, access } = await loadRetroSprint(db, actor, sprintId, 'view');
  const retro = sprint.retrospective;
  const [notes, previous, liveBoardId] = await Promise.all([
    retro
      ? db.retrospectiveNote.findMany({
          where: { retrospectiveId: retro.id },
          include: noteInclude,
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        })
      : Promise.resolve([]),
    previousActions(db, sprint.teamId, sprint.startDate, actor.id),
    liveBoardOf(db, sprint.teamId),
  ]);
  const votesPerPerson = retro?.votesPerPerson ?? 0;
  const votes = notes.flatMap((n) => n.votes);
  return {
    sprintId,
    sprintName: sprint.name,
    sprintState: sprint.state,
    teamId: sprint.teamId,
    state: retro?.state ?? 'NOT_OPENED',
    votesPerPerson,
    // Only those who may vote have dots to place.
    myDotsLeft: retro && can(access, 'work') ? dotsLeft(votes, actor.id, votesPerPerson) : 0,
    mostDotsPlaced: mostDotsPlaced(votes),
    openedAt: retro?.openedAt.toISOString() ?? null,
    closedAt: retro?.closedAt?.toISOString() ?? null,
    notes: sortByDots(await toNotes(db, sprint.teamId, notes, actor.id)),
    previous,
    liveBoardId,
  };
}
