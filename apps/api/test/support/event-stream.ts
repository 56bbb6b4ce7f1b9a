import type { BoardEvent } from '@amb/shared/boards';

/** Reads a server-sent event stream over real HTTP, collecting the board events. */
export async function watch(url: string, cookie: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { cookie, ...headers }, signal: controller.signal });
  const events: BoardEvent[] = [];
  const waiters: (() => void)[] = [];
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
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) {
              events.push(JSON.parse(data.slice(6)));
              waiters.splice(0).forEach((w) => w());
            }
          }
        }
      } catch {
        /* aborted */
      }
    })();
  }
  return {
    status: res.status,
    events,
    /** Waits until an event matches, failing after `ms`. */
    async until(match: (e: BoardEvent) => boolean, ms = 1000) {
      const started = Date.now();
      while (!events.some(match)) {
        if (Date.now() - started > ms) throw new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return { event: events.find(match)!, ms: Date.now() - started };
    },
    close: () => controller.abort(),
  };
}
