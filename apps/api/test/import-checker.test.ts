import { threadId } from 'node:worker_threads';
import type { ImportPlan } from '@amb/shared/imports';
import { afterAll, describe, expect, it } from 'vitest';
import { largeTrelloBoard } from '../../../bench/support-large-trello-file';
import { ImportChecker } from '../src/services/imports/import-checker';

// Checking an import file is CPU work of a second or more for a large file: it runs in a worker thread, so the
// API's event loop goes on answering meanwhile (bench/import-check.ts measures the delay it leaves).

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('checking an import file', () => {
  const checker = new ImportChecker();
  afterAll(() => checker.close());

  it('plans the largest Trello file in a worker thread, every card with its checklist items and comments', async () => {
    const file = JSON.stringify(largeTrelloBoard());
    expect(Buffer.byteLength(file)).toBeLessThan(5 * 1024 * 1024);
    const result = await checker.check({
      body: { format: 'trello', fileName: 'large.json', content: base64(file) },
      boardColumns: ['To do'],
    });
    expect(result.threadId).not.toBe(threadId);
    if (!result.ok) throw new Error(result.message);
    const plan = JSON.parse(result.planJson) as ImportPlan;
    expect(result.total).toBe(10_000);
    expect(plan.cards.reduce((n, c) => n + c.checklists.reduce((m, l) => m + l.items.length, 0), 0)).toBe(70_000);
    expect(plan.cards.reduce((n, c) => n + c.comments.length, 0)).toBe(20_000);
    expect(plan.cards.filter((c) => c.archived)).toHaveLength(200);
  });

  it('answers a file that cannot be imported with a refusal naming the field, and goes on checking', async () => {
    const refused = await checker.check({
      body: { format: 'trello', fileName: 'x.json', content: base64('{"lists": [') },
      boardColumns: [],
    });
    expect(refused).toMatchObject({ ok: false, field: 'body.content', message: expect.stringMatching(/not JSON/) });
    const csv = await checker.check({
      body: { format: 'csv', fileName: 'x.csv', content: base64('title\nA card\n') },
      boardColumns: ['To do'],
    });
    expect(csv).toMatchObject({ ok: true, total: 1 });
  });
});
