import { boardLayoutKinds, retrospectiveKinds } from '@amb/shared/activity';
import type { BoardEvent } from '@amb/shared/boards';
import type { Db, Prisma } from '../../db/prisma';
import { cardSummaryInclude, toCardSummary } from '../cards/card-summary';
import type { ActivitySignal } from './activity-signal';

const RETRY_MS = 500;
/** An event and its server-sent-events frame, made once however many streams send it. */
export type SendEvent = (event: BoardEvent, frame: string) => void;

interface Subscriber {
  lastId: bigint;
  send: SendEvent;
}

const frameOf = (event: BoardEvent) => `id: ${event.activityId}\nevent: board\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * The events after `after` on a board: one per card (its latest state) and one reload for layout changes. Event
 * ids are commit-order numbers (`activity_commits.seq`), not activity ids: an entry whose transaction took a
 * lower id but committed later gets the higher number, so a client resuming after any event it saw misses nothing.
 */
export async function boardEventsSince(db: Db, boardId: string, after: bigint): Promise<BoardEvent[]> {
  const entries = (
    await readCommitted(
      db,
      boardId,
      (tx) =>
        tx.$queryRaw<{ seq: bigint; kind: string; actor_id: string | null; card_id: string | null }[]>`
        SELECT c.seq, a.kind, a.actor_id, a.card_id FROM activity_commits c JOIN activity a ON a.id = c.activity_id
        WHERE c.board_id = ${boardId} AND c.seq > ${after} ORDER BY c.seq LIMIT 5000`,
    )
  ).map((r) => ({ id: r.seq, kind: r.kind, actorId: r.actor_id, cardId: r.card_id }));
  if (!entries.length) return [];
  const latestPerCard = new Map<string, (typeof entries)[number]>();
  let layout: (typeof entries)[number] | null = null;
  let retrospective: (typeof entries)[number] | null = null;
  for (const e of entries) {
    if (boardLayoutKinds.includes(e.kind)) layout = e;
    else if (e.cardId) latestPerCard.set(e.cardId, e);
    else if (retrospectiveKinds.includes(e.kind)) retrospective = e;
  }
  const cards = latestPerCard.size
    ? await db.card.findMany({
        where: { id: { in: [...latestPerCard.keys()] }, boardId, archivedAt: null },
        include: cardSummaryInclude,
      })
    : [];
  const byId = new Map(cards.map((c) => [c.id, toCardSummary(c)]));
  const events: BoardEvent[] = [...latestPerCard.values()].map((e) => ({
    activityId: String(e.id),
    kind: e.kind,
    actorId: e.actorId,
    cardId: e.cardId,
    card: byId.get(e.cardId!) ?? null,
    reload: false,
  }));
  if (layout)
    events.push({
      activityId: String(layout.id),
      kind: layout.kind,
      actorId: layout.actorId,
      cardId: null,
      card: null,
      reload: true,
    });
  // The team's retrospective changed (its entries go to the team's first board): screens showing it fetch it again.
  if (retrospective)
    events.push({
      activityId: String(retrospective.id),
      kind: retrospective.kind,
      actorId: retrospective.actorId,
      cardId: null,
      card: null,
      reload: false,
    });
  // The newest id last, so a client's "last seen" is right even if it stops reading half way.
  const last = entries.at(-1)!;
  events.sort((a, b) => (BigInt(a.activityId) < BigInt(b.activityId) ? -1 : 1));
  if (events.length && events.at(-1)!.activityId !== String(last.id)) events.at(-1)!.activityId = String(last.id);
  return events;
}

/**
 * Reads a board's numbered entries once every transaction already numbering entries there has committed: the
 * board's key, which committing transactions hold shared (decision 7), is taken exclusively for the read. Without
 * it, a reader could see number 42 while 41's commit is still under way, and skip 41 for good.
 */
export function readCommitted<T>(
  db: Db,
  boardId: string,
  read: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(20261126, hashtext(${boardId}))::text`;
    return read(tx);
  });
}

/**
 * Fans board activity out to the browsers watching each board. One signal source per process (LISTEN on
 * PostgreSQL, a poll on the embedded database); one read per board with watchers, whatever their number.
 */
export class BoardEventHub {
  private boards = new Map<string, Set<Subscriber>>();
  private pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  private stopSignal: (() => Promise<void>) | null = null;
  private starting: Promise<void> | null = null;
  private accessListeners = new Set<(userId: string | null) => void>();
  private inboxListeners = new Set<(userId: string) => void>();

  constructor(
    private readonly db: Db,
    private readonly signal: ActivitySignal,
  ) {}

  /** Starts watching a board from after `lastId`; returns the function that stops it. */
  async subscribe(boardId: string, lastId: bigint, send: SendEvent): Promise<() => void> {
    await this.start();
    const subscriber: Subscriber = { lastId, send };
    let set = this.boards.get(boardId);
    if (!set) this.boards.set(boardId, (set = new Set()));
    set.add(subscriber);
    this.wake(boardId); // catch up on what happened before (and while) subscribing
    return () => {
      set.delete(subscriber);
      if (!set.size) this.boards.delete(boardId);
    };
  }

  /** Tells `listener` whenever someone's access may have narrowed (null: anyone's). */
  onAccessChange(listener: (userId: string | null) => void) {
    this.accessListeners.add(listener);
  }

  /** Tells `listener` whenever someone's inbox changed, in whichever process; starts listening if not yet. */
  async onInboxChange(listener: (userId: string) => void) {
    this.inboxListeners.add(listener);
    await this.start();
  }

  async close() {
    this.boards.clear();
    await this.starting;
    await this.stopSignal?.();
    await this.flushing;
  }

  private start() {
    this.starting ??= this.signal({
      activity: (boardId) => (boardId ? this.wake(boardId) : [...this.boards.keys()].forEach((b) => this.wake(b))),
      access: (userId) => this.accessListeners.forEach((listener) => listener(userId)),
      notification: (userId) => this.inboxListeners.forEach((listener) => listener(userId)),
    }).then((stop) => {
      this.stopSignal = stop;
    });
    return this.starting;
  }

  private wake(boardId: string) {
    if (!this.boards.has(boardId)) return;
    this.pending.add(boardId);
    this.flushing ??= this.flush().finally(() => {
      this.flushing = null;
      if (this.pending.size) this.wake([...this.pending][0]!);
    });
  }

  private async flush() {
    while (this.pending.size) {
      const boardId = [...this.pending][0]!;
      this.pending.delete(boardId);
      const subscribers = this.boards.get(boardId);
      if (!subscribers?.size) continue;
      const from = [...subscribers].reduce((min, s) => (s.lastId < min ? s.lastId : min), [...subscribers][0]!.lastId);
      const events = (
        await boardEventsSince(this.db, boardId, from).catch(() => {
          // The database is out of reach for a moment: try this board again shortly, so no change is left unsent.
          setTimeout(() => this.wake(boardId), RETRY_MS).unref();
          return [];
        })
      ).map((event) => ({ event, id: BigInt(event.activityId), frame: frameOf(event) }));
      for (const s of subscribers) {
        for (const { event, id, frame } of events) if (id > s.lastId) s.send(event, frame);
        if (events.length && events.at(-1)!.id > s.lastId) s.lastId = events.at(-1)!.id;
      }
    }
  }
}
