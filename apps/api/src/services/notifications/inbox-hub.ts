import type { BoardEventHub } from '../board-events/board-event-hub';

/**
 * The open inbox streams of this process, by person. It hears of inbox changes from the board-event hub's signal
 * (LISTEN on PostgreSQL, whichever process wrote them; a poll on the embedded database) and from this process's
 * own "mark read" answers, and tells that person's streams to send the new unread count.
 */
export class InboxHub {
  private listeners = new Map<string, Set<() => void>>();
  private listening: Promise<void> | null = null;

  constructor(private readonly events: BoardEventHub) {}

  async subscribe(userId: string, listener: () => void): Promise<() => void> {
    this.listening ??= this.events.onInboxChange((id) => this.changed(id));
    await this.listening;
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(userId);
    };
  }

  changed(userId: string) {
    this.listeners.get(userId)?.forEach((listener) => listener());
  }
}
