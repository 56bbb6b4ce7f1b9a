import type { BlockerCategory } from '@amb/shared/activity';
import type { CardDetail } from '@amb/shared/cards';
import { notFound } from '../../lib/app-error';
import { activityNames } from '../activity/activity-names';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { toPmoHandling } from '../obstacles/pmo-handling';
import { cardSummaryInclude, toCardSummary } from './card-summary';
import { commentPage } from './list-comments';
import { mentionedPeople } from '../notifications/mention-names';
import { hideUnreadableLinkedCards, linkedCardInclude, toLinkedCard, visibleTeams } from './linked-card';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything the card panel shows: fields, people, conversation, checklists, links to other teams, history. */
export async function getCard({ db, actor }: ServiceContext, cardId: string): Promise<CardDetail> {
  const card = await db.card.findUnique({
    where: { id: cardId },
    include: {
      board: { select: { teamId: true } },
      pmoHandler: { select: { id: true, name: true } },
      owners: { select: { userId: true, user: { select: { id: true, name: true } } } },
      principles: { select: { principleId: true } },
      approval: cardSummaryInclude.approval,
      cover: cardSummaryInclude.cover,
      checklists: { orderBy: { position: 'asc' }, include: { items: { orderBy: { position: 'asc' } } } },
      linksFrom: { include: { toCard: { include: linkedCardInclude } } },
      linksTo: { include: { fromCard: { include: linkedCardInclude } } },
      retrospectiveNote: {
        select: { id: true, retrospective: { select: { sprint: { select: { id: true, name: true } } } } },
      },
    },
  });
  if (!card) throw notFound('Card');
  await requireTeamAccess(db, actor, card.board.teamId, 'view', 'Card');
  const comments = await commentPage(db, card.board.teamId, cardId);
  const [descriptionMentions] = await mentionedPeople(db, card.board.teamId, [card.description]);
  const visible = await visibleTeams(db, actor, [
    ...card.linksFrom.map((l) => l.toCard.board.teamId),
    ...card.linksTo.map((l) => l.fromCard.board.teamId),
  ]);
  const linked = (other: Parameters<typeof toLinkedCard>[0]) =>
    visible.has(other.board.teamId) ? toLinkedCard(other) : null;
  const history = await hideUnreadableLinkedCards(
    db,
    actor,
    cardId,
    await db.activity.findMany({ where: { cardId }, orderBy: { id: 'desc' }, take: 100 }),
  );
  const actorIds = [...new Set(history.map((h) => h.actorId).filter((id): id is string => Boolean(id)))];
  const actors = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u,
    ]),
  );
  return {
    ...toCardSummary(card),
    boardId: card.boardId,
    teamId: card.board.teamId,
    description: card.description,
    descriptionMentions: descriptionMentions!,
    hypothesis: card.hypothesis,
    metric: card.metric,
    blockerCategory: card.blockerCategory as BlockerCategory | null,
    escalatedAt: iso(card.escalatedAt),
    pmo: toPmoHandling(card),
    archivedAt: iso(card.archivedAt),
    createdAt: card.createdAt.toISOString(),
    startedAt: iso(card.startedAt),
    completedAt: iso(card.completedAt),
    owners: card.owners.map((o) => o.user),
    comments: comments.comments,
    hasOlderComments: comments.hasOlder,
    checklists: card.checklists.map((l) => ({
      id: l.id,
      title: l.title,
      position: l.position,
      items: l.items.map((i) => ({ id: i.id, text: i.text, done: i.done, position: i.position })),
    })),
    links: [
      ...card.linksFrom.map((l) => ({
        id: l.id,
        kind: l.kind,
        direction: 'outgoing' as const,
        card: linked(l.toCard),
      })),
      ...card.linksTo.map((l) => ({
        id: l.id,
        kind: l.kind,
        direction: 'incoming' as const,
        card: linked(l.fromCard),
      })),
    ],
    history: history.map((h) => ({
      id: String(h.id),
      at: h.at.toISOString(),
      actor: h.actorId ? (actors.get(h.actorId) ?? null) : null,
      kind: h.kind,
      field: h.field,
      from: h.from,
      to: h.to,
    })),
    historyNames: await activityNames(db, history),
    origin: card.retrospectiveNote
      ? {
          sprintId: card.retrospectiveNote.retrospective.sprint.id,
          sprintName: card.retrospectiveNote.retrospective.sprint.name,
          noteId: card.retrospectiveNote.id,
        }
      : null,
  };
}
