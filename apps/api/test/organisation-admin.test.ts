import { boardTemplates } from '@amb/domain/board-templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, signIn, startTestApp, TEST_PASSWORD, type TestContext } from './support/test-app';

let t: TestContext;
let adminId: string;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  const a = await createUser(t.db, { orgRole: 'ADMIN', name: 'Ada Admin' });
  adminId = a.id;
  admin = await signIn(t.app, a.email);
});
afterAll(() => t.close());

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: { cookie }, payload });

describe('teams', () => {
  it('creates a team from a template with its columns, limits and swimlanes, and a slug from its name', async () => {
    const res = await call(admin, 'POST', '/teams', {
      name: 'Growth Squad',
      kind: 'MARKETING',
      template: 'growth-experiments',
    });
    expect(res.statusCode).toBe(201);
    const team = res.json();
    expect(team.slug).toBe('growth-squad');
    const board = (await call(admin, 'GET', `/boards/${team.boards[0].id}`)).json();
    const template = boardTemplates['growth-experiments'];
    expect(
      board.columns.map((c: { name: string; flowCategory: string; wipLimit: number | null; wipPolicy: string }) => [
        c.name,
        c.flowCategory,
        c.wipLimit,
        c.wipPolicy,
      ]),
    ).toEqual(template.columns.map((c) => [c.name, c.flowCategory, c.wipLimit, c.wipPolicy]));
    expect(board.swimlanes.map((l: { name: string; wipLimit: number | null }) => [l.name, l.wipLimit])).toEqual(
      template.swimlanes.map((l) => [l.name, l.wipLimit]),
    );
    // The same name again gets the next free slug; a kind of "other" is accepted.
    expect((await call(admin, 'POST', '/teams', { name: 'Growth Squad', kind: 'OTHER' })).json()).toMatchObject({
      slug: 'growth-squad-2',
      kind: 'OTHER',
    });
    const bad = await call(admin, 'POST', '/teams', { name: 'X', template: 'no-such-template' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('body.template');
  });

  it('renames and archives a team; an archived team leaves team lists but stays in the admin’s', async () => {
    const member = await createUser(t.db);
    const team = await createTeam(t.db, [{ userId: member.id, role: 'MEMBER' }], 'Events');
    const memberCookie = await signIn(t.app, member.email);
    expect((await call(admin, 'PATCH', `/teams/${team.id}`, { name: 'Field Events' })).json()).toMatchObject({
      name: 'Field Events',
      memberCount: 1,
      archivedAt: null,
    });
    expect((await call(admin, 'PATCH', `/teams/${team.id}`, { name: '  ' })).json().error.fields[0].field).toBe(
      'body.name',
    );
    expect((await call(admin, 'POST', `/teams/${team.id}/archive`)).json().archivedAt).not.toBeNull();
    expect((await call(admin, 'POST', `/teams/${team.id}/archive`)).statusCode).toBe(409);
    expect((await call(memberCookie, 'GET', '/teams')).json().teams).toEqual([]);
    expect((await call(memberCookie, 'GET', '/auth/me')).json().memberships).toEqual([]);
    const adminList = (await call(admin, 'GET', '/admin/teams')).json().teams;
    expect(adminList.at(-1)).toMatchObject({ id: team.id, name: 'Field Events' });
    expect((await call(admin, 'POST', `/teams/00000000-0000-4000-8000-000000000000/archive`)).statusCode).toBe(404);
  });
});

describe('team members', () => {
  it('lets a scrum master manage the roles below their own, and nobody else on the team', async () => {
    const [master, po, member, newcomer] = await Promise.all([
      createUser(t.db),
      createUser(t.db),
      createUser(t.db),
      createUser(t.db),
    ]);
    const otherMaster = await createUser(t.db);
    const team = await createTeam(t.db, [
      { userId: master.id, role: 'SCRUM_MASTER' },
      { userId: otherMaster.id, role: 'SCRUM_MASTER' },
      { userId: po.id, role: 'PRODUCT_OWNER' },
      { userId: member.id, role: 'MEMBER' },
    ]);
    const sm = await signIn(t.app, master.email);
    const poCookie = await signIn(t.app, po.email);
    expect(
      (await call(sm, 'POST', `/teams/${team.id}/members`, { email: newcomer.email, role: 'VIEWER' })).statusCode,
    ).toBe(200);
    expect((await call(sm, 'PUT', `/teams/${team.id}/members/${newcomer.id}`, { role: 'MEMBER' })).json().role).toBe(
      'MEMBER',
    );
    // Not up to scrum master, and not a fellow scrum master.
    expect((await call(sm, 'PUT', `/teams/${team.id}/members/${member.id}`, { role: 'SCRUM_MASTER' })).statusCode).toBe(
      403,
    );
    expect((await call(sm, 'PUT', `/teams/${team.id}/members/${otherMaster.id}`, { role: 'MEMBER' })).statusCode).toBe(
      403,
    );
    expect((await call(sm, 'DELETE', `/teams/${team.id}/members/${otherMaster.id}`)).statusCode).toBe(403);
    expect((await call(sm, 'DELETE', `/teams/${team.id}/members/${newcomer.id}`)).statusCode).toBe(200);
    // A product owner manages nobody.
    expect((await call(poCookie, 'DELETE', `/teams/${team.id}/members/${member.id}`)).statusCode).toBe(403);
    // Unknown address: 400 naming the field.
    const unknown = await call(sm, 'POST', `/teams/${team.id}/members`, {
      email: 'nobody@example.test',
      role: 'VIEWER',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].field).toBe('body.email');
    const kinds = (await t.db.activity.findMany({ where: { teamId: team.id }, orderBy: { id: 'asc' } })).map(
      (a) => a.kind,
    );
    expect(kinds).toEqual(['team.member.added', 'team.member.role.changed', 'team.member.removed']);
  });
});

describe('people', () => {
  it('finds people by part of their name or address', async () => {
    await createUser(t.db, { name: 'Quentin Searchable', email: 'quentin@search.test' });
    const byName = (await call(admin, 'GET', '/users?q=searchab')).json().users;
    expect(byName.map((u: { email: string }) => u.email)).toEqual(['quentin@search.test']);
    expect((await call(admin, 'GET', '/users?q=SEARCH.TEST')).json().users).toHaveLength(1);
    expect((await call(admin, 'GET', '/users?q=zzz-nobody')).json().users).toEqual([]);
  });

  it('keeps the last admin seat filled', async () => {
    const self = await call(admin, 'PUT', `/users/${adminId}/org-role`, { orgRole: 'NONE' });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.message).toMatch(/last admin/);
    expect((await call(admin, 'POST', `/users/${adminId}/deactivate`)).statusCode).toBe(409);

    // With a second admin, either can step down, but not both.
    const second = await createUser(t.db, { orgRole: 'ADMIN' });
    const secondCookie = await signIn(t.app, second.email);
    const [a, b] = await Promise.all([
      call(admin, 'PUT', `/users/${second.id}/org-role`, { orgRole: 'PMO' }),
      call(secondCookie, 'PUT', `/users/${adminId}/org-role`, { orgRole: 'PMO' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await t.db.user.count({ where: { orgRole: 'ADMIN', deactivatedAt: null } })).toBe(1);
    // Put things back: the test admin stays the only admin for the tests below.
    await t.db.user.update({ where: { id: adminId }, data: { orgRole: 'ADMIN' } });
    await t.db.user.update({ where: { id: second.id }, data: { orgRole: 'PMO' } });
  });

  it('deactivating a person ends their sessions at once and stops sign-in; reactivating lets them back', async () => {
    const person = await createUser(t.db, { name: 'Dee Activated' });
    const cookies = [await signIn(t.app, person.email), await signIn(t.app, person.email)];
    const res = await call(admin, 'POST', `/users/${person.id}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().deactivatedAt).not.toBeNull();
    for (const cookie of cookies) expect((await call(cookie, 'GET', '/auth/me')).statusCode).toBe(401);
    const signInAgain = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: person.email, password: TEST_PASSWORD },
    });
    expect(signInAgain.statusCode).toBe(403);
    expect((await call(admin, 'POST', `/users/${person.id}/deactivate`)).statusCode).toBe(409);
    expect((await call(admin, 'POST', `/users/${person.id}/reactivate`)).json().deactivatedAt).toBeNull();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: person.email, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
    expect((await call(admin, 'POST', `/users/${person.id}/reactivate`)).statusCode).toBe(409);
    expect((await call(admin, 'POST', '/users/not-a-uuid/deactivate')).json().error.fields[0].field).toBe(
      'params.userId',
    );
  });

  it('lists every admin action on the audit page, newest first, with names, a page at a time', async () => {
    const page = (await call(admin, 'GET', '/admin/audit?limit=1')).json();
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0].kind).toBe('user.reactivated');
    expect(page.entries[0]).toMatchObject({ actor: { name: 'Ada Admin' }, subject: { name: 'Dee Activated' } });
    const next = (await call(admin, 'GET', `/admin/audit?limit=200&before=${page.nextBefore}`)).json();
    const kinds = new Set(next.entries.map((e: { kind: string }) => e.kind));
    for (const kind of [
      'user.deactivated',
      'user.org-role.changed',
      'team.created',
      'team.renamed',
      'team.archived',
      'team.member.added',
    ])
      expect(kinds).toContain(kind);
    expect(Number(next.entries[0].id)).toBeLessThan(Number(page.entries[0].id));
    expect((await call(admin, 'GET', '/admin/audit?before=abc')).json().error.fields[0].field).toBe(
      'querystring.before',
    );
  });
});

describe('directory', () => {
  it('shows a person on no team the active teams and who the admins are', async () => {
    const loner = await createUser(t.db);
    const cookie = await signIn(t.app, loner.email);
    const dir = (await call(cookie, 'GET', '/directory')).json();
    expect(dir.admins).toEqual([expect.objectContaining({ name: 'Ada Admin' })]);
    const names = dir.teams.map((x: { name: string }) => x.name);
    expect(names).toContain('Growth Squad');
    expect(names).not.toContain('Field Events');
  });
});
