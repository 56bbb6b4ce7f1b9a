import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Bad input gets a 4xx that names the field, never a 500, and never a stack trace.
describe('bad input', () => {
  let t: TestContext;
  let cookie: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let cardId: string;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
    const admin = await createUser(t.db, { orgRole: 'ADMIN' });
    team = await createTeam(t.db, [{ userId: admin.id, role: 'SCRUM_MASTER' }]);
    cookie = await signIn(t.app, admin.email);
    cardId = (await addCards(t.db, team.board.id, team.board.columns[0]!.id, 1, 'Sturdy'))[0]!.id;
  });
  afterAll(() => t.close());

  const send = (
    method: 'POST' | 'PATCH' | 'PUT' | 'GET' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => t.app.inject({ method, url, payload: payload as string, headers: { cookie, ...headers } });

  const fieldsOf = (body: string) => (JSON.parse(body).error.fields ?? []).map((f: { field: string }) => f.field);

  const cases: [string, 'POST' | 'PATCH' | 'PUT', () => string, () => object, string[]][] = [
    [
      'sign-up',
      'POST',
      () => '/api/auth/sign-up',
      () => ({ email: 'not-an-email', name: '', password: 'short' }),
      ['body.email', 'body.name', 'body.password'],
    ],
    ['create team', 'POST', () => '/api/teams', () => ({ name: '', slug: 'Bad Slug!' }), ['body.name', 'body.slug']],
    [
      'add member',
      'POST',
      () => `/api/teams/${team.id}/members`,
      () => ({ email: 'x', role: 'BOSS' }),
      ['body.email', 'body.role'],
    ],
    [
      'create card',
      'POST',
      () => '/api/cards',
      () => ({ columnId: 'nope', title: '', position: 'middle' }),
      ['body.columnId', 'body.title', 'body.position'],
    ],
    [
      'move card',
      'POST',
      () => `/api/cards/${cardId}/move`,
      () => ({ columnId: team.board.columns[1]!.id, afterCardId: 5, version: 'one' }),
      ['body.afterCardId', 'body.version'],
    ],
    [
      'edit card',
      'PATCH',
      () => `/api/cards/${cardId}`,
      () => ({ version: 1, estimate: -3, dueDate: 'next week', labels: [''] }),
      ['body.estimate', 'body.dueDate', 'body.labels.0'],
    ],
    [
      'block without a reason',
      'PATCH',
      () => `/api/cards/${cardId}`,
      () => ({ version: 1, blocked: true }),
      ['body.blockedReason'],
    ],
    [
      'create column',
      'POST',
      () => '/api/columns',
      () => ({ boardId: team.board.id, name: 'x'.repeat(81), wipPolicy: 'STRICT' }),
      ['body.name', 'body.wipPolicy'],
    ],
    [
      'create principle',
      'POST',
      () => '/api/principles',
      () => ({ key: 'Not A Key', name: '' }),
      ['body.key', 'body.name'],
    ],
    ['change org role', 'PUT', () => `/api/users/${team.id}/org-role`, () => ({ orgRole: 'KING' }), ['body.orgRole']],
    [
      'create team from a template',
      'POST',
      () => '/api/teams',
      () => ({ name: 'x'.repeat(121), kind: 'SALES', template: 'kanban' }),
      ['body.name', 'body.kind', 'body.template'],
    ],
    ['rename team', 'PATCH', () => `/api/teams/${team.id}`, () => ({ name: '' }), ['body.name']],
    [
      'invite',
      'POST',
      () => `/api/teams/${team.id}/invitations`,
      () => ({ email: 'someone@', role: 'OWNER' }),
      ['body.email', 'body.role'],
    ],
    [
      'accept invitation',
      'POST',
      () => '/api/invitations/accept',
      () => ({ token: 'short', password: 'short', name: '' }),
      ['body.token', 'body.password', 'body.name'],
    ],
    [
      'sign-up settings',
      'PUT',
      () => '/api/admin/sign-up-settings',
      () => ({ signUpPolicy: 'DOMAINS', allowedDomains: ['example', 'ok.example.com', 'bad_domain.com'] }),
      ['body.allowedDomains.0', 'body.allowedDomains.2'],
    ],
    [
      'create campaign',
      'POST',
      () => '/api/campaigns',
      () => ({ name: '', startDate: 'soon', endDate: '2027-01-01', ownerId: 'x', colour: 'plaid', status: 'PAUSED' }),
      ['body.name', 'body.startDate', 'body.ownerId', 'body.colour', 'body.status'],
    ],
    [
      'card campaign',
      'PATCH',
      () => `/api/cards/${cardId}`,
      () => ({ version: 1, campaignId: 'spring' }),
      ['body.campaignId'],
    ],
    ['account name', 'PATCH', () => '/api/account', () => ({ name: 'x'.repeat(121) }), ['body.name']],
    [
      'change password',
      'PUT',
      () => '/api/account/password',
      () => ({ currentPassword: '', newPassword: 'short' }),
      ['body.currentPassword', 'body.newPassword'],
    ],
  ];

  for (const [name, method, url, body, fields] of cases) {
    it(`${name}: 400 naming ${fields.join(', ')}`, async () => {
      const res = await send(method, url(), body());
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(fields));
    });
  }

  it('names a malformed id in the path', async () => {
    const res = await send('GET', '/api/boards/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['params.boardId']);
  });

  it('refuses malformed JSON, a wrong content type and an oversized body with clear 4xx answers', async () => {
    const malformed = await send('POST', '/api/cards', '{"title": ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    const wrongType = await send('POST', '/api/cards', 'title=hello', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await send(
      'POST',
      '/api/cards',
      JSON.stringify({ columnId: team.board.columns[0]!.id, title: 'x', description: 'y'.repeat(10_000) }),
      { 'content-type': 'application/json' },
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await send('GET', '/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('keeps what is saved intact after refused writes', async () => {
    const card = await t.db.card.findUniqueOrThrow({ where: { id: cardId } });
    expect(card.title).toBe('Sturdy 1');
    expect(card.version).toBe(1);
    expect(card.blocked).toBe(false);
  });

  it('never leaks a stack trace', async () => {
    for (const [, method, url, body] of cases) {
      const res = await send(method, url(), body());
      expect(res.statusCode).toBeLessThan(500);
      expect(res.body).not.toMatch(/at .+\.(ts|js):\d+/);
    }
  });
});
