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

/**
 * Reminders are written this many to a statement. Ten thousand cards falling due at once, written through Prisma's
 * createMany in one transaction, took 6.4 s of the process's CPU and ran past the interactive transaction's 5 s
 * limit, so the whole write was rolled back and tried again every tick (the bench notifications measured 96 s until
 * they were in, with moves held up to 9 s meanwhile). Each batch commits on its own: the keys make a batch written
 * twice (after a crash, or by two processes) add nothing.
 */
const BATCH = 1000;

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
  // Owners and watchers in one plain query: thousands of rows through the ORM's mapping cost a second of CPU.
  const listed = await db.$queryRaw<{ card_id: string; user_id: string }[]>`
    SELECT card_id, user_id FROM card_owners WHERE card_id = ANY(${ids}::text[])
    UNION SELECT card_id, user_id FROM card_watchers WHERE card_id = ANY(${ids}::text[])`;
  const people = new Map<string, Set<string>>();
  for (const { card_id: cardId, user_id: userId } of listed) {
    if (!people.has(cardId)) people.set(cardId, new Set());
    people.get(cardId)!.add(userId);
  }
  const everyone = [...new Set(listed.map((p) => p.user_id))];
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
  // Many cards share a due instant (a day picked in the calendar): each instant's reminder is worked out once per zone.
  const reminderOf = new Map<string, { kind: ReturnType<typeof dueReminder>; dueDay: string }>();
  for (const card of cards) {
    const cardPeople = people.get(card.id);
    if (!cardPeople?.size) continue;
    const teamReaders = readers.get(card.team_id)!;
    for (const userId of cardPeople) {
      if (!teamReaders.has(userId)) continue;
      // The person's own zone decides what "tomorrow" is; without one, the card's team's.
      const zone = zones.get(userId) ?? card.team_zone;
      const due = card.due_date.getTime();
      const at = `${due} ${zone}`;
      if (!reminderOf.has(at))
        reminderOf.set(at, { kind: dueReminder(due, now.getTime(), zone), dueDay: dueDayOf(due, zone) });
      const { kind, dueDay } = reminderOf.get(at)!;
      if (!kind) continue;
      rows.push({
        userId,
        kind,
        key: `${kind}:${card.id}:${card.due_date.toISOString()}`,
        teamId: card.team_id,
        cardId: card.id,
        data: { dueDay },
      });
    }
  }
  if (!rows.length) return [];
  const told = new Set<string>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const written = await db.$queryRaw<{ user_id: string }[]>`
      INSERT INTO notifications (user_id, kind, key, team_id, card_id, data)
      SELECT * FROM unnest(
        ${batch.map((r) => r.userId)}::text[], ${batch.map((r) => r.kind)}::text[], ${batch.map((r) => r.key)}::text[],
        ${batch.map((r) => r.teamId)}::text[], ${batch.map((r) => r.cardId)}::text[],
        ${batch.map((r) => JSON.stringify(r.data))}::jsonb[])
      ON CONFLICT (user_id, key) DO NOTHING
      RETURNING user_id`;
    for (const w of written) told.add(w.user_id);
  }
  await db.$transaction((tx) => announce(tx, [...told]));
  return [...told];
}
