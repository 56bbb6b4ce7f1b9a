import { dueDayOf, dueReminder } from '@amb/domain/notification-times';
import type { Db } from '../../db/prisma';
import { announce } from './fan-out';
import { readersOfTeam } from './readers';

// Due-date reminders (decision 56): "due tomorrow", "due today" and "past its due date", to a card's owners and
// watchers. Each is written once per person, card, due date and kind by its key in the inbox's unique
// (person, key) index: two processes that look at the same moment, or a process that looks again after a restart
// or a crash, insert the same keys and the second insert adds nothing. A changed due date has new keys, so its
// reminders come again. No state beside the inbox, so nothing to take back after a crash.

/** Cards due further back than this are past reminding (a first run on an old board tells nobody of last year). */
const LOOK_BACK_MS = 3 * 86_400_000;
/** Far enough ahead for "tomorrow" in the zone furthest ahead of UTC. */
const LOOK_AHEAD_MS = 3 * 86_400_000;

interface DueCard {
  id: string;
  due_date: Date;
  team_id: string;
  team_zone: string;
}

/** Writes every reminder due now; returns the people told. */
export async function remindDueCards(db: Db, now = new Date()): Promise<string[]> {
  const cards = await db.$queryRaw<DueCard[]>`
    SELECT c.id, c.due_date, b.team_id, t.time_zone AS team_zone
    FROM cards c JOIN columns col ON col.id = c.column_id JOIN boards b ON b.id = c.board_id
      JOIN teams t ON t.id = b.team_id
    WHERE c.archived_at IS NULL AND col.flow_category <> 'DONE' AND b.archived_at IS NULL AND t.archived_at IS NULL
      AND c.due_date > ${new Date(now.getTime() - LOOK_BACK_MS)} AND c.due_date < ${new Date(now.getTime() + LOOK_AHEAD_MS)}`;
  if (!cards.length) return [];
  const ids = cards.map((c) => c.id);
  const [owners, watchers] = await Promise.all([
    db.cardOwner.findMany({ where: { cardId: { in: ids } }, select: { cardId: true, userId: true } }),
    db.cardWatch.findMany({ where: { cardId: { in: ids } }, select: { cardId: true, userId: true } }),
  ]);
  const people = new Map<string, Set<string>>();
  for (const { cardId, userId } of [...owners, ...watchers]) {
    if (!people.has(cardId)) people.set(cardId, new Set());
    people.get(cardId)!.add(userId);
  }
  const everyone = [...new Set([...owners, ...watchers].map((p) => p.userId))];
  const zones = new Map(
    (await db.user.findMany({ where: { id: { in: everyone } }, select: { id: true, timeZone: true } })).map((u) => [
      u.id,
      u.timeZone,
    ]),
  );
  const rows: {
    userId: string;
    kind: string;
    key: string;
    teamId: string;
    cardId: string;
    data: { dueDay: string };
  }[] = [];
  // Who may read each team's cards, asked once per team for everyone on its due cards.
  const byTeam = new Map<string, Set<string>>();
  for (const card of cards)
    for (const userId of people.get(card.id) ?? []) {
      if (!byTeam.has(card.team_id)) byTeam.set(card.team_id, new Set());
      byTeam.get(card.team_id)!.add(userId);
    }
  const readers = new Map<string, Set<string>>();
  for (const [teamId, userIds] of byTeam) readers.set(teamId, await readersOfTeam(db, teamId, userIds));
  for (const card of cards) {
    const listed = people.get(card.id);
    if (!listed?.size) continue;
    const teamReaders = readers.get(card.team_id)!;
    for (const userId of listed) {
      if (!teamReaders.has(userId)) continue;
      // The person's own zone decides what "tomorrow" is; without one, the card's team's.
      const zone = zones.get(userId) ?? card.team_zone;
      const kind = dueReminder(card.due_date.getTime(), now.getTime(), zone);
      if (!kind) continue;
      rows.push({
        userId,
        kind,
        key: `${kind}:${card.id}:${card.due_date.toISOString()}`,
        teamId: card.team_id,
        cardId: card.id,
        data: { dueDay: dueDayOf(card.due_date.getTime(), zone) },
      });
    }
  }
  if (!rows.length) return [];
  return db.$transaction(async (tx) => {
    const written = await tx.notification.createManyAndReturn({
      data: rows,
      skipDuplicates: true,
      select: { userId: true },
    });
    const told = [...new Set(written.map((w) => w.userId))];
    await announce(tx, told);
    return told;
  });
}
