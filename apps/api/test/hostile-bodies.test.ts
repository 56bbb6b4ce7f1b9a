import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
}
interface Operation {
  requestBody?: { content?: { 'application/json'?: { schema?: JsonSchema } } };
}

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
/** Text the shared rule lets through but that is odd for a name: noncharacters, controls, a byte-order mark. */
const oddTexts = ['name \uFFFF', '\u0001\u0002\u0003\u001f', '\u007f\u0085\uFEFF\u202E', ' '.repeat(3)];
const oddValues: unknown[] = [null, -1, 1e308, 1.5, true, [], {}, 'x'.repeat(5000)];

// Every JSON route in the OpenAPI document, as a signed-in admin with real ids, gets bodies nested far too deep and
// odd values in each field: whatever it answers, it is never a 500.
describe('hostile bodies on every JSON route', () => {
  let t: TestContext;
  let cookie: string;
  const ids: Record<string, string> = {};
  let operations: { method: string; path: string; schema: JsonSchema }[];
  let doc: { paths: Record<string, Record<string, Operation>> };

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
      principleId: principle.id,
    });
    doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as typeof doc;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => {
        const schema = op.requestBody?.content?.['application/json']?.schema;
        return schema ? [{ method: method.toUpperCase(), path, schema }] : [];
      }),
    );
  });
  afterAll(() => t.close());

  /** A value the schema accepts, with real ids where an id is asked for. */
  const valid = (schema: JsonSchema, name: string): unknown => {
    if (schema.anyOf) return valid(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, name);
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

  const urlFor = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? crypto.randomUUID());
  const send = (method: string, url: string, payload: string) =>
    t.app.inject({ method: method as 'POST', url, headers: { cookie, 'content-type': 'application/json' }, payload });

  it('finds the JSON routes in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  for (const [what, body] of [
    ['100,000 nested arrays', nestedArrays(100_000)],
    ['60,000 nested objects', nestedObjects(60_000)],
  ] as const) {
    it(`refuses ${what} with a 400 on every JSON route, before the route runs`, async () => {
      for (const { method, path } of operations) {
        const res = await send(method, urlFor(path), body);
        expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(400);
        expect(res.json().error.fields).toEqual([{ field: 'body', message: expect.stringContaining('nested') }]);
      }
    });
  }

  // What a form on another site can send without the browser asking first: each is a 415 on every write route
  // (uploads take multipart/form-data by design: a form on another site is refused there by the origin check, and
  // attachments.test.ts sends them broken forms; the one-click unsubscribe takes the form mail clients send, reads
  // nothing from it and changes only what its link's token names: notification-mail.test.ts covers it).
  const unsubscribeRoute = '/api/notifications/unsubscribe';
  const uploadRoutes = ['/api/cards/{cardId}/attachments', '/api/attachments/{attachmentId}/versions'];
  for (const [type, body] of [
    ['text/plain', '{"a":1}'],
    ['application/x-www-form-urlencoded', 'a=1'],
    ['multipart/form-data; boundary=x', '--x--'],
  ] as const) {
    it(`refuses a ${type.split(';')[0]} body on every write route, signing out included`, async () => {
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const method of Object.keys(ops).filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))) {
          if (type.startsWith('multipart/') && method === 'post' && uploadRoutes.includes(path)) continue;
          if (type === 'application/x-www-form-urlencoded' && path === unsubscribeRoute) continue;
          const res = await t.app.inject({
            method: method.toUpperCase() as 'POST',
            url: urlFor(path),
            headers: { cookie, 'content-type': type },
            payload: body,
          });
          expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(415);
        }
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    });
  }

  it('accepts or refuses odd text and odd values in every field with a 4xx naming it, never a 500', async () => {
    const failures: string[] = [];
    let probes = 0;
    for (const { method, path, schema } of operations) {
      const base = valid(schema, 'body') as Record<string, unknown>;
      for (const key of Object.keys(schema.properties ?? {})) {
        for (const value of [...oddTexts, ...oddValues]) {
          const res = await send(method, urlFor(path), JSON.stringify({ ...base, [key]: value }));
          probes++;
          if (res.statusCode >= 500)
            failures.push(`${method} ${path} ${key}=${JSON.stringify(value).slice(0, 40)}: ${res.statusCode}`);
          else if (res.statusCode === 400) {
            const fields = (res.json().error.fields ?? []) as { field: string }[];
            if (!fields.length) failures.push(`${method} ${path} ${key}: 400 naming no field`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(probes).toBeGreaterThan(200);
  });
});
