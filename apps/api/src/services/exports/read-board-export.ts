import type { ExportedCard } from '@amb/shared/board-export';
import type { Db } from '../../db/prisma';
import { notFound } from '../../lib/app-error';
import { versionUrl } from '../attachments/attachment-view';
import { requireTeamAccess } from '../access/team-access';
import type { Actor } from '../context';

/** Cards are read this many at a time, so an export of any size holds one batch in memory. */
const BATCH = 500;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The board with its columns and swimlanes, once the actor may see its team. */
export async function readExportedBoard(db: Db, actor: Actor, boardId: string) {
  const board = await db.board.findUnique({
    where: { id: boardId },
    select: {
      name: true,
      teamId: true,
      team: { select: { name: true, slug: true } },
      columns: {
        orderBy: { position: 'asc' },
        select: { id: true, name: true, position: true, flowCategory: true, wipLimit: true, wipPolicy: true },
      },
      swimlanes: {
        orderBy: { position: 'asc' },
        select: { id: true, name: true, position: true, wipLimit: true, wipPolicy: true },
      },
    },
  });
  if (!board) throw notFound('Board');
  await requireTeamAccess(db, actor, board.teamId, 'view', 'Board');
  return board;
}

/**
 * Every card of the board (archived ones too), a batch at a time in board order (column, then rank), each with
 * its owners, principles, comments, checklists, links and history.
 */
export async function* readExportedCards(
  db: Db,
  board: Awaited<ReturnType<typeof readExportedBoard>>,
  boardId: string,
): AsyncGenerator<ExportedCard> {
  const columns = new Map(board.columns.map((c) => [c.id, c]));
  const lanes = new Map(board.swimlanes.map((s) => [s.id, s.name]));
  for (const column of board.columns) {
    let after: { rank: string; id: string } | null = null;
    for (;;) {
      const cards: Awaited<ReturnType<typeof readBatch>> = await readBatch(db, boardId, column.id, after);
      if (!cards.length) break;
      const history = await db.activity.findMany({
        where: { cardId: { in: cards.map((c) => c.id) } },
        orderBy: { id: 'asc' },
        select: { cardId: true, at: true, kind: true, actorId: true, field: true, from: true, to: true },
      });
      const actors = new Map(
        (
          await db.user.findMany({
            where: { id: { in: [...new Set(history.map((h) => h.actorId).filter((a): a is string => Boolean(a)))] } },
            select: { id: true, email: true },
          })
        ).map((u) => [u.id, u.email]),
      );
      for (const c of cards) {
        yield {
          id: c.id,
          column: columns.get(c.columnId)!.name,
          swimlane: c.swimlaneId ? (lanes.get(c.swimlaneId) ?? null) : null,
          rank: c.rank,
          type: c.type,
          title: c.title,
          description: c.description,
          labels: c.labels,
          owners: c.owners.map((o) => o.user.email).sort(),
          principles: c.principles.map((p) => p.principle.name).sort(),
          estimate: c.estimate,
          startDate: iso(c.startDate),
          dueDate: iso(c.dueDate),
          blocked: c.blocked,
          blockedReason: c.blockedReason,
          blockerCategory: c.blockerCategory,
          hypothesis: c.hypothesis,
          metric: c.metric,
          experimentResult: c.experimentResult,
          sprint: c.sprint?.name ?? null,
          campaign: c.campaign?.name ?? null,
          createdAt: c.createdAt.toISOString(),
          startedAt: iso(c.startedAt),
          completedAt: iso(c.completedAt),
          archivedAt: iso(c.archivedAt),
          comments: c.comments.map((m) => ({
            author: m.author?.email ?? null,
            body: m.body,
            createdAt: m.createdAt.toISOString(),
          })),
          checklists: c.checklists.map((l) => ({
            title: l.title,
            items: l.items.map((i) => ({ text: i.text, done: i.done })),
          })),
          links: c.linksFrom.map((l) => ({ kind: l.kind, toCardId: l.toCardId })),
          attachments: c.attachments.map((a) => ({
            name: a.name,
            versions: a.versions.map((v) => ({
              number: v.number,
              fileName: v.fileName,
              contentType: v.contentType,
              size: v.size,
              uploader: v.uploader?.email ?? null,
              uploadedAt: v.createdAt.toISOString(),
              downloadPath: versionUrl(a.id, v.number),
            })),
          })),
          approval: c.approval
            ? {
                attachment: c.approval.attachment?.name ?? null,
                version: c.approval.versionNumber,
                requestedBy: c.approval.requestedBy?.email ?? null,
                note: c.approval.note,
                requestedAt: c.approval.createdAt.toISOString(),
                approvers: c.approval.approvers.map((a) => ({
                  person: a.user.email,
                  decision: a.decision,
                  comment: a.comment,
                  decidedAt: iso(a.decidedAt),
                })),
              }
            : null,
          history: history
            .filter((h) => h.cardId === c.id)
            .map((h) => ({
              at: h.at.toISOString(),
              kind: h.kind,
              actor: h.actorId ? (actors.get(h.actorId) ?? null) : null,
              field: h.field,
              from: h.from,
              to: h.to,
            })),
        };
      }
      const last = cards[cards.length - 1]!;
      after = { rank: last.rank, id: last.id };
    }
  }
}

function readBatch(db: Db, boardId: string, columnId: string, after: { rank: string; id: string } | null) {
  return db.card.findMany({
    where: {
      boardId,
      columnId,
      ...(after ? { OR: [{ rank: { gt: after.rank } }, { rank: after.rank, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ rank: 'asc' }, { id: 'asc' }],
    take: BATCH,
    include: {
      owners: { select: { user: { select: { email: true } } } },
      principles: { select: { principle: { select: { name: true } } } },
      comments: {
        orderBy: { createdAt: 'asc' },
        select: { body: true, createdAt: true, author: { select: { email: true } } },
      },
      checklists: {
        orderBy: { position: 'asc' },
        select: { title: true, items: { orderBy: { position: 'asc' }, select: { text: true, done: true } } },
      },
      linksFrom: { select: { kind: true, toCardId: true } },
      attachments: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          name: true,
          versions: {
            orderBy: { number: 'asc' },
            select: {
              number: true,
              fileName: true,
              contentType: true,
              size: true,
              createdAt: true,
              uploader: { select: { email: true } },
            },
          },
        },
      },
      approval: {
        select: {
          versionNumber: true,
          note: true,
          createdAt: true,
          attachment: { select: { name: true } },
          requestedBy: { select: { email: true } },
          approvers: {
            orderBy: { user: { email: 'asc' } },
            select: { decision: true, comment: true, decidedAt: true, user: { select: { email: true } } },
          },
        },
      },
      sprint: { select: { name: true } },
      campaign: { select: { name: true } },
    },
  });
}
