import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';

// DATABASE_REPLICA_URL: the dashboard's analytics read from the replica, everything else from the primary. A second
// database stands in for the replica; it holds a copy of the primary's rows plus one team only it has, so each
// answer shows which database it came from.
describe('dashboard reads from the read replica', () => {
  let replica: TestDatabase;
  let t: TestContext;
  let cookie: string;
  let shared: Awaited<ReturnType<typeof createTeam>>;

  beforeAll(async () => {
    replica = await createTestDatabase();
    t = await startTestApp({ DATABASE_REPLICA_URL: replica.url });
    const pmo = await createUser(t.db, { orgRole: 'PMO' });
    shared = await createTeam(t.db, [], 'On both');
    // The copy: the same rows in the replica.
    await replica.prisma.user.create({ data: pmo });
    await replica.prisma.team.create({ data: { id: shared.id, name: shared.name, slug: shared.slug } });
    await createTeam(replica.prisma, [], 'Only on the replica');
    cookie = await signIn(t.app, pmo.email);
  });
  afterAll(async () => {
    await t.close();
    await replica.drop();
  });

  it('answers the overview and cumulative flow from the replica', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/dashboard/overview?from=2026-01-01&to=2026-01-31',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().teams.map((x: { name: string }) => x.name)).toEqual(['On both', 'Only on the replica']);
    const flow = await t.app.inject({
      method: 'GET',
      url: '/api/dashboard/cumulative-flow?from=2026-01-01&to=2026-01-03',
      headers: { cookie },
    });
    expect(flow.statusCode).toBe(200);
  });

  it('keeps the rest of the API on the primary', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/teams', headers: { cookie } });
    expect(res.json().teams.map((x: { name: string }) => x.name)).toEqual(['On both']);
  });
});
