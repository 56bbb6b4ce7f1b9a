// No live event is skipped, whatever order concurrent transactions commit in: a transaction that took the lower
// activity id but commits later still reaches a client that has already seen the higher one, exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
import { addCards, httpClient } from './support/board-fixtures';
import { watch } from './support/event-stream';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

const onPostgres = Boolean(process.env.DATABASE_URL);
const root = path.resolve(import.meta.dirname, '../../..');

/** A second API process on the same database, as behind a load balancer. Resolves with its address. */
function startApiProcess(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['apps/api/src/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      WEB_DIST_DIR: '/nonexistent',
      LOGIN_RATE_LIMIT: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+?)\s/.exec(output);
      if (match) resolve({ url: match[1]!.replace('localhost', '127.0.0.1'), child });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the second API process exited (${code}): ${output}`)));
  });
}

describe('gap-free live catch-up', () => {
  let t: TestContext;
  let baseUrl: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let watcherCookie: string;
  let moverCookie: string;
  let second: { url: string; child: ChildProcess } | null = null;

  beforeAll(async () => {
    t = await startTestApp();
    const watcher = await createUser(t.db);
    const mover = await createUser(t.db);
    team = await createTeam(t.db, [
      { userId: watcher.id, role: 'VIEWER' },
      { userId: mover.id, role: 'MEMBER' },
    ]);
    watcherCookie = await signIn(t.app, watcher.email);
    moverCookie = await signIn(t.app, mover.email);
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    if (onPostgres) second = await startApiProcess(t.database.url);
  }, 60_000);
  afterAll(async () => {
    second?.child.kill('SIGTERM');
    await t.close();
  });

  const column = (name: string) => team.board.columns.find((c) => c.name === name)!;

  /**
   * Transaction A takes the lower activity id and is held open; B, a move through the API, takes a higher id. On
   * PostgreSQL B commits first and the watcher sees it; on the embedded database, which runs one transaction at a
   * time, B waits for A. Either way each watcher, and a client resuming from B's event, gets A's entry once.
   */
  async function scenario(watchUrl: string, title: string) {
    const [held, moved, last] = await addCards(t.db, team.board.id, column('Backlog').id, 3, title);
    const watcher = await watch(`${watchUrl}/api/boards/${team.board.id}/events`, watcherCookie);
    expect(watcher.status).toBe(200);

    const a = new pg.Client({ connectionString: t.database.url });
    await a.connect();
    try {
      await a.query('BEGIN');
      await a.query(`UPDATE cards SET title = 'Held open', version = version + 1 WHERE id = $1`, [held!.id]);
      const {
        rows: [entryA],
      } = await a.query<{ id: string }>(
        `INSERT INTO activity (board_id, team_id, card_id, kind, field, "from", "to") VALUES ($1, $2, $3, $4, 'title', $5, '"Held open"') RETURNING id`,
        [team.board.id, team.id, held!.id, activityKinds.cardUpdated, JSON.stringify(held!.title)],
      );

      const moveB = httpClient(baseUrl, moverCookie)('POST', `/cards/${moved!.id}/move`, {
        columnId: column('To do').id,
        afterCardId: null,
        version: 1,
      });
      let resumed: Awaited<ReturnType<typeof watch>> | null = null;
      if (onPostgres) {
        expect((await moveB).status).toBe(200);
        const idB = (
          await t.db.activity.findFirstOrThrow({ where: { cardId: moved!.id, kind: activityKinds.cardMoved } })
        ).id;
        expect(idB).toBeGreaterThan(BigInt(entryA!.id)); // the lower id is the one still uncommitted
        const { event: seenB } = await watcher.until((e) => e.cardId === moved!.id);
        expect(watcher.events.some((e) => e.cardId === held!.id)).toBe(false);
        // A client that has seen B's event reconnects from it.
        resumed = await watch(`${watchUrl}/api/boards/${team.board.id}/events`, watcherCookie, {
          'last-event-id': seenB.activityId,
        });
      }
      await a.query('COMMIT');
      if (!onPostgres) expect((await moveB).status).toBe(200);

      // One more change afterwards: once it has arrived, everything before it has too.
      expect(
        (
          await httpClient(baseUrl, moverCookie)('POST', `/cards/${last!.id}/move`, {
            columnId: column('To do').id,
            afterCardId: null,
            version: 1,
          })
        ).status,
      ).toBe(200);
      for (const client of resumed ? [watcher, resumed] : [watcher]) {
        await client.until((e) => e.cardId === last!.id);
        const forA = client.events.filter((e) => e.cardId === held!.id);
        expect(forA).toHaveLength(1);
        expect(forA[0]!.card).toMatchObject({ title: 'Held open' });
        const ids = client.events.map((e) => BigInt(e.activityId));
        expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        expect(new Set(ids).size).toBe(ids.length);
      }
      if (resumed) expect(resumed.events.some((e) => e.cardId === moved!.id)).toBe(false);
      // Only the first watcher saw B's move, once.
      expect(watcher.events.filter((e) => e.cardId === moved!.id)).toHaveLength(1);
      resumed?.close();
    } finally {
      watcher.close();
      await a.end();
    }
  }

  it('delivers an entry whose transaction took the lower id but committed later, exactly once', async () => {
    await scenario(baseUrl, 'One process');
  }, 60_000);

  it.skipIf(!onPostgres)(
    'does so across two API processes: written through one, watched through the other',
    async () => {
      await scenario(second!.url, 'Two processes');
    },
    60_000,
  );

  it('numbers a transaction’s entries together, after the entries of transactions that committed before it', async () => {
    const created = await httpClient(baseUrl, moverCookie)('POST', '/cards', {
      columnId: column('Backlog').id,
      title: 'Numbered',
    });
    expect(created.status).toBe(201);
    const card = created.body.card as { id: string };
    const rows = await t.db.$queryRaw<{ seq: bigint; activity_id: bigint; kind: string }[]>`
      SELECT c.seq, c.activity_id, a.kind FROM activity_commits c JOIN activity a ON a.id = c.activity_id WHERE a.card_id = ${card.id} ORDER BY c.seq`;
    expect(rows.map((r) => r.kind)).toEqual([activityKinds.cardCreated]);
    const max = await t.db.activityCommit.aggregate({ _max: { seq: true } });
    expect(max._max.seq).toBeGreaterThanOrEqual(rows[0]!.seq);
    // Every committed entry has exactly one number.
    const [counts] = await t.db.$queryRaw<{ entries: bigint; numbered: bigint }[]>`
      SELECT (SELECT count(*) FROM activity) AS entries, (SELECT count(DISTINCT activity_id) FROM activity_commits) AS numbered`;
    expect(counts!.numbered).toBe(counts!.entries);
  });
});
