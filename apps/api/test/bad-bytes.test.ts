import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsafeTextMessage } from '@amb/shared/text';
import { addCards } from './support/board-fixtures';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  pattern?: string;
  minimum?: number;
  anyOf?: JsonSchema[];
  /** A body that is one of several shapes (a zod discriminated union). */
  oneOf?: JsonSchema[];
}
interface Operation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: { 'application/json'?: { schema?: JsonSchema } } };
}

const NUL = 'before\u0000after';
const LONE_HIGH = 'launch \uD83D plan';
const LONE_LOW = '\uDE80 launch';
const badTexts = { 'a NUL byte': NUL, 'a lone high surrogate': LONE_HIGH, 'a lone low surrogate': LONE_LOW };
// A URL cannot carry a lone surrogate as UTF-8; the nearest a client can send is its three bytes as if it could.
const inUrl: Record<string, string> = {
  [NUL]: 'before%00after',
  [LONE_HIGH]: 'launch%20%ED%A0%BD%20plan',
  [LONE_LOW]: '%ED%BA%80%20launch',
};

// Every write route listed in the OpenAPI document gets NUL bytes and lone surrogates in each of its text fields,
// in its path parameters and in its query string, as a signed-in admin with real ids: each answer is a 400 that
// names the field, and nothing is written.
describe('NUL bytes and lone surrogates', () => {
  let t: TestContext;
  let cookie: string;
  const ids: Record<string, string> = {};
  let operations: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createUser(t.db, { orgRole: 'ADMIN' });
    const other = await createUser(t.db);
    const team = await createTeam(t.db, [
      { userId: admin.id, role: 'SCRUM_MASTER' },
      { userId: other.id, role: 'MEMBER' },
    ]);
    cookie = await signIn(t.app, admin.email);
    const [card, target] = await addCards(t.db, team.board.id, team.board.columns[0]!.id, 2, 'Fuzzed');
    const lane = await t.db.swimlane.create({ data: { boardId: team.board.id, name: 'Expedite', position: 0 } });
    const checklist = await t.db.checklist.create({ data: { cardId: card!.id, title: 'Done means', position: 0 } });
    const item = await t.db.checklistItem.create({
      data: { checklistId: checklist.id, text: 'Proofread', position: 0 },
    });
    const link = await t.db.cardLink.create({ data: { fromCardId: card!.id, toCardId: target!.id, kind: 'RELATES' } });
    const principle = await t.db.principle.findFirstOrThrow();
    Object.assign(ids, {
      teamId: team.id,
      userId: other.id,
      boardId: team.board.id,
      columnId: team.board.columns[1]!.id,
      swimlaneId: lane.id,
      cardId: card!.id,
      toCardId: target!.id,
      afterCardId: target!.id,
      checklistId: checklist.id,
      itemId: item.id,
      linkId: link.id,
      principleId: principle.id,
    });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
  });
  afterAll(() => t.close());

  /** A value the schema accepts, with real ids where an id is asked for. */
  const valid = (schema: JsonSchema, name: string): unknown => {
    if (schema.anyOf) return valid(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, name);
    if (schema.oneOf) return valid(schema.oneOf[0]!, name);
    if (schema.enum) return schema.enum[0];
    const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
    if (type === 'object')
      return Object.fromEntries((schema.required ?? []).map((key) => [key, valid(schema.properties![key]!, key)]));
    if (type === 'array') return [];
    if (type === 'integer' || type === 'number') return name === 'version' ? 1 : Math.max(schema.minimum ?? 1, 1);
    if (type === 'boolean') return false;
    if (schema.format === 'uuid') return ids[name] ?? crypto.randomUUID();
    if (name === 'email') return 'someone@example.test';
    if (schema.pattern) return 'valid-key';
    return name === 'password' ? 'a-long-enough-password' : 'Valid text';
  };

  /** Every text field of a body schema, as [dotted path, a body with the bad text there]. */
  const textFields = (schema: JsonSchema, bad: string): [string, unknown][] => {
    const base = valid(schema, 'body') as Record<string, unknown>;
    return Object.entries(schema.properties ?? {}).flatMap(([key, prop]): [string, unknown][] => {
      const inner = prop.anyOf?.find((s) => s.type !== 'null') ?? prop;
      if (inner.type === 'string' && !inner.enum) return [[`body.${key}`, { ...base, [key]: bad }]];
      if (inner.type === 'array' && inner.items?.type === 'string' && !inner.items.enum)
        return [[`body.${key}.0`, { ...base, [key]: [bad] }]];
      return [];
    });
  };

  const urlFor = (path: string, raw: Record<string, string> = {}) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => raw[name] ?? ids[name] ?? crypto.randomUUID());

  const expect400 = async (
    method: string,
    url: string,
    payload: unknown,
    field: string,
    message = unsafeTextMessage,
  ) => {
    const res = await t.app.inject({
      method: method as 'POST',
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    expect(res.statusCode, `${method} ${url} ${field}: ${res.body}`).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual([{ field, message }]);
  };

  it('finds the write routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['POST /api/cards/', 'PATCH /api/cards/{cardId}', 'POST /api/cards/{cardId}/comments']),
    );
  });

  for (const [what, bad] of Object.entries(badTexts)) {
    it(`refuses ${what} in every text field of every write route`, async () => {
      let probes = 0;
      for (const { method, path, op } of operations) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        for (const [field, body] of textFields(schema, bad)) {
          await expect400(method, urlFor(path), body, field);
          probes++;
        }
      }
      expect(probes).toBeGreaterThan(20);
    });

    it(`refuses ${what} in the path parameters of every write route`, async () => {
      for (const { method, path, op } of operations) {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        for (const param of (op.parameters ?? []).filter((p) => p.in === 'path')) {
          const url = urlFor(path, { [param.name]: inUrl[bad]! });
          const body = schema ? valid(schema, 'body') : undefined;
          // The bytes of a lone surrogate are not UTF-8, so the router refuses the whole address before any route.
          if (bad === NUL) await expect400(method, url, body, `params.${param.name}`);
          else await expect400(method, url, body, 'url', 'is not valid percent-encoded UTF-8');
        }
      }
    });
  }

  it('refuses a NUL byte in the query string of every write route, and in a search', async () => {
    for (const { method, path, op } of operations) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      await expect400(
        method,
        `${urlFor(path)}?note=a%00b`,
        schema ? valid(schema, 'body') : undefined,
        'querystring.note',
      );
    }
    await expect400('GET', '/api/cards/search?q=launch%00', undefined, 'querystring.q');
  });

  it('keeps the data as it was and the session open', async () => {
    const card = await t.db.card.findUniqueOrThrow({ where: { id: ids.cardId } });
    expect(card.version).toBe(1);
    expect(await t.db.comment.count()).toBe(0);
    expect(await t.db.membership.count({ where: { userId: ids.userId } })).toBe(1);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });
});
