import type { BoardEvent } from '@amb/shared/boards';

/** Reads a server-sent event stream over real HTTP, collecting the board events (and any `retry:` hint). */
export async function watchEvents(url: string, cookie: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { cookie, ...headers }, signal: controller.signal });
  const events: BoardEvent[] = [];
  const retries: number[] = [];
  let closedReason: string | null = null;
  const waiters: (() => void)[] = [];
  let ended = false;
  const wakeAll = () => waiters.splice(0).forEach((w) => w());
  if (res.status === 200) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of res.body!) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            for (const line of block.split('\n')) if (line.startsWith('retry: ')) retries.push(Number(line.slice(7)));
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            // `event: closed` is the server ending the stream (access lost, session ended), with its reason.
            if (data && block.includes('event: closed')) closedReason = JSON.parse(data.slice(6)).reason;
            else if (data) events.push(JSON.parse(data.slice(6)));
          }
          wakeAll();
        }
      } catch {
        /* aborted */
      }
      ended = true;
      wakeAll();
    })();
  }
  const waitFor = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return {
    status: res.status,
    headers: res.headers,
    events,
    /** The `retry:` hints the server sent, in order. */
    retries,
    get ended() {
      return ended;
    },
    /** Why the server closed the stream, when it said so. */
    get closedReason() {
      return closedReason;
    },
    /** Waits until an event matches (the test's own timeout bounds the wait). */
    async until(match: (e: BoardEvent) => boolean) {
      await waitFor(() => events.some(match) || ended);
      const event = events.find(match);
      if (!event) throw new Error(`the stream ended without a matching event; got ${JSON.stringify(events)}`);
      return event;
    },
    /** Waits until the server ends the stream. */
    untilEnded: () => waitFor(() => ended),
    close: () => controller.abort(),
  };
}

/**
 * The stream reader most tests use. Waits have no deadline of their own: the test's timeout bounds them, so a loaded
 * machine makes a test slower, never failing (how soon events arrive is measured by bench/live-fanout.ts).
 */
export async function watch(url: string, cookie: string, headers: Record<string, string> = {}) {
  const stream = await watchEvents(url, cookie, headers);
  return {
    status: stream.status,
    events: stream.events,
    /** Waits until an event matches. */
    until: async (match: (e: BoardEvent) => boolean) => ({ event: await stream.until(match) }),
    /** Waits until the server ends the stream and returns the reason it gave. */
    async closedByServer() {
      await stream.untilEnded();
      return stream.closedReason;
    },
    close: stream.close,
  };
}
