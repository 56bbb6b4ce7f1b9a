import type { Watchers } from '@amb/shared/notifications';
import type { ServiceContext } from '../context';
import { loadCardFor } from '../cards/load-card';
import { readersOfTeam } from './readers';

/** Who watches a card: only those who may still read it are listed. */
export async function listWatchers({ db, actor }: ServiceContext, cardId: string): Promise<Watchers> {
  const card = await loadCardFor(db, actor, cardId, 'view');
  const rows = await db.cardWatch.findMany({
    where: { cardId },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const readers = await readersOfTeam(
    db,
    card.teamId,
    rows.map((r) => r.user.id),
  );
  const watchers = rows.map((r) => r.user).filter((u) => readers.has(u.id));
  return { watchers, watching: watchers.some((w) => w.id === actor.id) };
}

/** Starts or stops watching a card; anyone who can read it may. */
export async function setWatching(ctx: ServiceContext, cardId: string, watching: boolean): Promise<Watchers> {
  const { db, actor } = ctx;
  await loadCardFor(db, actor, cardId, 'view');
  if (watching) await db.cardWatch.createMany({ data: [{ cardId, userId: actor.id }], skipDuplicates: true });
  else await db.cardWatch.deleteMany({ where: { cardId, userId: actor.id } });
  return listWatchers(ctx, cardId);
}
