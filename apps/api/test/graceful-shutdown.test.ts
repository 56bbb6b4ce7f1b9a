import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/services/auth/sessions';
import { watchEvents } from './support/event-stream';
import {
  prepareServerDatabase,
  startServerProcess,
  type ServerDatabase,
  type ServerProcess,
} from './support/server-process';
import { createTeam, createUser, TEST_PASSWORD } from './support/test-app';

/** Reads from a socket until `done` says the text so far is enough. */
function readUntil(socket: Socket, done: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (done(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
    socket.once('close', () =>
      done(text) ? resolve(text) : reject(new Error(`socket closed after: ${JSON.stringify(text)}`)),
    );
  });
}

// SIGTERM to a real server process: it stops accepting, ends live streams with a hint to reconnect, finishes the
// request in flight, then closes the database and exits 0.
describe('graceful shutdown', () => {
  let database: ServerDatabase<{ email: string; columnId: string; boardId: string }>;
  let server: ServerProcess;

  beforeAll(async () => {
    database = await prepareServerDatabase(async (db) => {
      const person = await createUser(db);
      const team = await createTeam(db, [{ userId: person.id, role: 'MEMBER' }]);
      return { email: person.email, columnId: team.board.columns[0]!.id, boardId: team.board.id };
    });
    server = await startServerProcess(database.env);
  }, 120_000);
  afterAll(async () => {
    if (server.process.exitCode === null) server.process.kill('SIGKILL');
    await database.drop();
  });

  it('finishes the request in flight and closes event streams with a reconnect hint', async () => {
    const { email, columnId, boardId } = database.seeded;
    const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.baseUrl },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
      .split(';')[0]!;

    const stream = await watchEvents(`${server.baseUrl}/api/boards/${boardId}/events`, cookie);
    expect(stream.status).toBe(200);

    // A request in flight: its headers are in (the server said "100 Continue"), its body not yet.
    const body = JSON.stringify({ columnId, title: 'Written while shutting down' });
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/cards HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.baseUrl}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await readUntil(socket, (text) => text.includes('100 Continue'));

    server.process.kill('SIGTERM');

    // The live stream ends, having been told when to reconnect.
    await stream.untilEnded();
    expect(stream.retries.length).toBeGreaterThanOrEqual(2);
    expect(stream.retries.at(-1)).toBeGreaterThan(0);

    // No new connections are accepted.
    const refused = async () => {
      try {
        await fetch(`${server.baseUrl}/api/health`);
        return false;
      } catch {
        return true;
      }
    };
    while (!(await refused())) await new Promise((r) => setTimeout(r, 20));
    expect(server.process.exitCode).toBeNull();

    // The request in flight is finished and answered.
    socket.write(body);
    const answer = await readUntil(socket, (text) => /\r\n\r\n\{.*\}$/s.test(text));
    expect(answer).toMatch(/HTTP\/1\.1 201/);
    socket.destroy();

    // Then the database is closed and the process exits cleanly.
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: shutting down[\s\S]*Shut down cleanly/);
    expect(await database.inspect((db) => db.card.count({ where: { title: 'Written while shutting down' } }))).toBe(1);
  });
});
