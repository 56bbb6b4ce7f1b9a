import type { CardSummary } from '@amb/shared/boards';
import type { Db } from '../../db/prisma';
import { AppError, cardArchived, notFound } from '../../lib/app-error';
import type { TeamAction } from '@amb/domain/access';
import { requireTeamAccess } from '../access/team-access';
import type { Actor } from '../context';
import { cardSummaryInclude, toCardSummary } from './card-summary';

/** The card a write is about, once the actor is known to be allowed to take `action` on its team. */
export async function loadCardFor(db: Db, actor: Actor, cardId: string, action: TeamAction) {
  const card = await db.card.findUnique({
    where: { id: cardId },
    include: {
      board: { select: { teamId: true } },
      column: { select: { flowCategory: true, wipLimit: true } },
      swimlane: { select: { wipLimit: true } },
    },
  });
  if (!card) throw notFound('Card');
  await requireTeamAccess(db, actor, card.board.teamId, action, 'Card');
  return { ...card, teamId: card.board.teamId };
}

/** The card a change is about, as loadCardFor, once it is also known to be open: archived cards are read-only. */
export async function loadOpenCardFor(db: Db, actor: Actor, cardId: string, action: TeamAction) {
  const card = await loadCardFor(db, actor, cardId, action);
  if (card.archivedAt) throw cardArchived();
  return card;
}

export async function currentSummary(db: Db, cardId: string): Promise<CardSummary | null> {
  const card = await db.card.findUnique({ where: { id: cardId }, include: cardSummaryInclude });
  return card ? toCardSummary(card) : null;
}

/** The 409 for a write based on an old version: it carries the card as it is now, so the client can show it. */
export async function staleVersion(db: Db, cardId: string): Promise<AppError> {
  return new AppError(
    'STALE_VERSION',
    'Someone else changed this card since you loaded it; here is the current version',
    {
      details: { card: await currentSummary(db, cardId) },
    },
  );
}
