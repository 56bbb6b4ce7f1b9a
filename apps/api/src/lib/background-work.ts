/**
 * Work an API process does in the background, one run at a time: `kick` asks for a run (one asked for while another
 * is under way follows it), `start` runs it now and every `intervalMs` after, `close` stops asking and waits for the
 * run under way. The run reads `closed` to stop between its steps, and handles its own errors.
 */
export class BackgroundWork {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  protected closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => Promise<void>,
  ) {}

  start() {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => this.kick(), this.intervalMs);
    this.timer.unref();
    this.kick();
  }

  kick() {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.closed) {
        this.again = false;
        this.kick();
      }
    });
  }

  async close() {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
