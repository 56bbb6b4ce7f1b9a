import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardDetailSchema } from '@amb/shared/cards';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';
import { TEST_DATABASE_TIME_ZONE } from './support/test-database';

// Every test database is set to UTC+14; a time written in the session's zone instead of as an instant lands 14 hours
// off. A card's move is written by the move_card function in the database, a title change by the API: both must be
// stamped with the moment they happened, in the database and in the card's history.
describe('times on a database set to a zone far from UTC', () => {
  let t: TestContext;
  let cookie: string;
  let team: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    t = await startTestApp();
    const marketer = await createUser(t.db);
    team = await createTeam(t.db, [{ userId: marketer.id, role: 'MEMBER' }]);
    cookie = await signIn(t.app, marketer.email);
  });
  afterAll(() => t.close());

  /** A session on the test database in the zone it starts in, as psql or a report tool would open one. */
  async function plainSession<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  it('runs on a database whose own time zone is not UTC', async () => {
    const settings = await plainSession(async (c) =>
      (
        await c.query<{ setting: string }>(
          `SELECT unnest(setconfig) AS setting FROM pg_db_role_setting
         WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()) AND setrole = 0`,
        )
      ).rows.map((r) => r.setting),
    );
    expect(settings).toContain(`TimeZone=${TEST_DATABASE_TIME_ZONE}`);
    // PostgreSQL starts a plain session in it; the embedded database has one session, the app's, in UTC.
    const zone = await plainSession(
      async (c) => (await c.query<{ TimeZone: string }>('SHOW TimeZone')).rows[0]!.TimeZone,
    );
    expect(zone).toBe(process.env.DATABASE_URL ? TEST_DATABASE_TIME_ZONE : 'UTC');
  });

  it('stamps a card’s move and a title change with now, in the database and in the card’s history', async () => {
    const column = (name: string) => team.board.columns.find((c) => c.name === name)!.id;
    const [card] = await addCards(t.db, team.board.id, column('Backlog'), 1, 'Stamped');
    const before = Date.now();
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card!.id}/move`,
      headers: { cookie },
      payload: { columnId: column('To do'), afterCardId: null, version: 1 },
    });
    expect(moved.statusCode).toBe(200);
    const movedAt = Date.parse(moved.json().card.updatedAt);
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/cards/${card!.id}`,
      headers: { cookie },
      payload: { version: 2, title: 'Stamped again' },
    });
    expect(renamed.statusCode).toBe(200);
    const after = Date.now();
    // A minute either side allows for a slow machine; the fault this catches is whole hours.
    const near = (ms: number) => ms >= before - 60_000 && ms <= after + 60_000;
    expect(near(movedAt), `the moved card shows updatedAt ${new Date(movedAt).toISOString()}`).toBe(true);

    const stored = await plainSession(
      async (c) =>
        (
          await c.query<{ kind: string; at: Date }>('SELECT kind, at FROM activity WHERE card_id = $1 ORDER BY id', [
            card!.id,
          ])
        ).rows,
    );
    expect(stored.map((e) => e.kind)).toEqual(['card.moved', 'card.updated']);
    for (const entry of stored)
      expect(near(entry.at.getTime()), `${entry.kind} stored at ${entry.at.toISOString()}`).toBe(true);

    const detail = cardDetailSchema.parse(
      (await t.app.inject({ method: 'GET', url: `/api/cards/${card!.id}`, headers: { cookie } })).json(),
    );
    const history = detail.history.filter((e) => e.kind === 'card.moved' || e.kind === 'card.updated');
    expect(history).toHaveLength(2);
    for (const entry of history) expect(near(Date.parse(entry.at)), `${entry.kind} shown at ${entry.at}`).toBe(true);
  });

  it('stores every time as an instant', async () => {
    const columns = await plainSession(
      async (c) =>
        (
          await c.query<{ name: string }>(
            `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
         WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`,
          )
        ).rows,
    );
    expect(columns.map((c) => c.name)).toEqual([]);
  });
});
