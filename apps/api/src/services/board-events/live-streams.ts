import { canSeeTeam } from '@amb/domain/access';
import type { Db } from '../../db/prisma';
import { AppError } from '../../lib/app-error';
import { teamAccess } from '../access/team-access';
import { resolveSession, type SessionLifetime } from '../auth/sessions';
import type { Actor } from '../context';

export interface LiveStream {
  userId: string;
  /** The session cookie the stream was opened with: when that session ends, so does the stream. */
  sessionToken: string;
  teamId: string;
  /** Ends the stream, telling the browser why. */
  close: (reason: 'access' | 'signed-out') => void;
}

export interface LiveStreamLimits {
  perPerson: number;
  perProcess: number;
  /** The longest a stream goes without its access being checked again. */
  recheckMs: number;
}

/**
 * The open event streams of this process. Access is checked when a stream opens, again whenever that person's
 * access may have narrowed (a membership or session change, heard from the database whichever process made it),
 * and at least every `recheckMs`; a stream whose person lost the team or the session is closed.
 */
export class LiveStreams {
  private streams = new Set<LiveStream>();
  private timer: NodeJS.Timeout;
  private checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly lifetime: SessionLifetime,
    private readonly limits: LiveStreamLimits,
  ) {
    this.timer = setInterval(() => void this.recheck(null).then(() => this.forgetOldChanges()), limits.recheckMs);
    this.timer.unref();
  }

  get size() {
    return this.streams.size;
  }

  /** Refuses a new stream over the person's or the process's cap (429, before any streaming starts). */
  admit(actor: Actor) {
    if (this.streams.size >= this.limits.perProcess)
      throw new AppError('RATE_LIMITED', 'This server is watching as many boards as it can; try again shortly');
    let mine = 0;
    for (const s of this.streams) if (s.userId === actor.id) mine++;
    if (mine >= this.limits.perPerson)
      throw new AppError('RATE_LIMITED', `You have ${mine} live boards open; close one (another tab or window) first`);
  }

  add(stream: LiveStream) {
    this.streams.add(stream);
    return () => void this.streams.delete(stream);
  }

  /** Checks the streams of one person (or, with null, everyone's) and closes those that may no longer read. */
  recheck(userId: string | null): Promise<void> {
    const run = async () => {
      const due = [...this.streams].filter((s) => userId === null || s.userId === userId);
      const sessions = new Map<string, Promise<Actor | null>>();
      await Promise.all(
        due.map(async (stream) => {
          let session = sessions.get(stream.sessionToken);
          if (!session)
            sessions.set(stream.sessionToken, (session = resolveSession(this.db, stream.sessionToken, this.lifetime)));
          const actor = await session;
          if (!actor) return this.end(stream, 'signed-out');
          const access = await teamAccess(this.db, actor, stream.teamId);
          if (!access || !canSeeTeam(access)) this.end(stream, 'access');
        }),
      );
    };
    // One check at a time; a failed check (the database away) leaves streams open until the next one.
    this.checking = this.checking.then(run).catch(() => {});
    return this.checking;
  }

  close() {
    clearInterval(this.timer);
  }

  private end(stream: LiveStream, reason: 'access' | 'signed-out') {
    if (!this.streams.delete(stream)) return;
    stream.close(reason);
  }

  /** Access changes are kept a few minutes for processes that poll; older ones are of no use. */
  private async forgetOldChanges() {
    await this.db.$executeRaw`DELETE FROM access_changes WHERE changed_at < now() - interval '10 minutes'`.catch(
      () => {},
    );
  }
}
