import { boardCsvHeader, boardExportSchema } from '@amb/shared/board-export';
import { parseCsv } from '@amb/shared/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCards } from './support/board-fixtures';
import { fileForm } from './support/file-form';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

describe('board export', () => {
  let t: TestContext;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let cookie: string;
  let outsiderCookie: string;
  let owner: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await createUser(t.db, { name: 'Owen Owner' });
    const outsider = await createUser(t.db);
    team = await createTeam(t.db, [{ userId: owner.id, role: 'MEMBER' }]);
    await createTeam(t.db, [{ userId: outsider.id, role: 'MEMBER' }]);
    cookie = await signIn(t.app, owner.email);
    outsiderCookie = await signIn(t.app, outsider.email);
    const todo = team.board.columns.find((c) => c.flowCategory === 'TODO')!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cards',
      headers: { cookie },
      payload: { columnId: todo.id, title: 'Launch, "part 2"' },
    });
    const card = res.json().card;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/cards/${card.id}`,
      headers: { cookie },
      payload: {
        version: card.version,
        description: 'Two\nlines',
        labels: ['email', 'q3'],
        ownerIds: [owner.id],
        estimate: 5,
      },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/comments`,
      headers: { cookie },
      payload: { body: 'Looks good' },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/checklists`,
      headers: { cookie },
      payload: { title: 'Done means' },
    });
    await addCards(t.db, team.board.id, todo.id, 2, '=Formula');
  }, 60_000);
  afterAll(() => t.close());

  it('gives one CSV row per card with every field, quoted where needed', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/boards/${team.board.id}/export.csv`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".+-board-\d{4}-\d\d-\d\d\.csv"/);
    const [header, ...rows] = parseCsv(res.body);
    expect(header!.values).toEqual([...boardCsvHeader]);
    expect(rows).toHaveLength(3);
    const launch = Object.fromEntries(
      header!.values.map((h, i) => [h, rows.find((r) => r.values[1] === 'Launch, "part 2"')!.values[i]]),
    );
    expect(launch).toMatchObject({
      column: 'To do',
      'flow category': 'TODO',
      description: 'Two\nlines',
      labels: 'email; q3',
      owners: owner.email,
      estimate: '5',
      blocked: 'no',
      comments: '1',
    });
    // A title a spreadsheet would run as a formula is written so that it does not.
    expect(rows.map((r) => r.values[1])).toContain("'=Formula 1");
  });

  it('gives JSON in the import format with comments, checklists and history', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/boards/${team.board.id}/export.json`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const file = boardExportSchema.parse(res.json());
    expect(file.board.columns.map((c) => c.name)).toEqual(team.board.columns.map((c) => c.name));
    const launch = file.cards.find((c) => c.title === 'Launch, "part 2"')!;
    expect(launch).toMatchObject({
      owners: [owner.email],
      labels: ['email', 'q3'],
      comments: [{ author: owner.email, body: 'Looks good' }],
      checklists: [{ title: 'Done means', items: [] }],
    });
    expect(launch.history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(['card.created', 'card.updated', 'comment.added', 'checklist.added']),
    );
    // Board order: by column, then rank.
    expect(file.cards.map((c) => c.title).sort()).toEqual(['=Formula 1', '=Formula 2', 'Launch, "part 2"']);
    const ranks = file.cards.map((c) => c.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
  });

  it('lists each card’s files with their versions and download paths, and its approval request', async () => {
    const doing = team.board.columns.find((c) => c.flowCategory === 'IN_PROGRESS')!;
    const [cardId] = await addCards(t.db, team.board.id, doing.id, 1, 'Banner with files');
    const upload = async (url: string, content: string) => {
      const { contentType, payload } = fileForm('banner.txt', content);
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': contentType },
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const added = await upload(`/api/cards/${cardId!.id}/attachments`, 'first draft');
    const attachmentId = added.id as string;
    await upload(`/api/attachments/${attachmentId}/versions`, 'second draft, longer');
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId!.id}/approval`,
      headers: { cookie },
      payload: { approverIds: [owner.id], attachmentId, note: 'Brand check' },
    });
    expect(asked.statusCode, asked.body).toBe(201);

    const res = await t.app.inject({
      method: 'GET',
      url: `/api/boards/${team.board.id}/export.json`,
      headers: { cookie },
    });
    const banner = boardExportSchema.parse(res.json()).cards.find((c) => c.title === 'Banner with files 1')!;
    expect(banner.attachments).toEqual([
      {
        name: 'banner.txt',
        versions: [1, 2].map((number) => ({
          number,
          fileName: 'banner.txt',
          contentType: expect.stringContaining('text/plain'),
          size: number === 1 ? 11 : 20,
          uploader: owner.email,
          uploadedAt: expect.any(String),
          downloadPath: `/api/attachments/${attachmentId}/versions/${number}/file`,
        })),
      },
    ]);
    expect(banner.approval).toMatchObject({
      attachment: 'banner.txt',
      version: 2,
      requestedBy: owner.email,
      note: 'Brand check',
      approvers: [{ person: owner.email, decision: 'PENDING', comment: '', decidedAt: null }],
    });
    // The path is the file itself, with the reader's access.
    const file = await t.app.inject({
      method: 'GET',
      url: banner.attachments[0]!.versions[1]!.downloadPath,
      headers: { cookie },
    });
    expect(file.body).toBe('second draft, longer');
    // Cards without files say so.
    expect(boardExportSchema.parse(res.json()).cards.find((c) => c.title === 'Launch, "part 2"')).toMatchObject({
      attachments: [],
      approval: null,
    });
  });

  it('refuses a person outside the team as if the board did not exist', async () => {
    for (const ext of ['csv', 'json']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/boards/${team.board.id}/export.${ext}`,
        headers: { cookie: outsiderCookie },
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('streams a 5,000-card board in chunks, without a length known up front', async () => {
    const big = await createTeam(t.db, [{ userId: owner.id, role: 'MEMBER' }]);
    const backlog = big.board.columns[0]!;
    for (let i = 0; i < 5; i++) await addCards(t.db, big.board.id, backlog.id, 1000, `Bulk ${i}`);
    const baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${baseUrl}/api/boards/${big.board.id}/export.csv`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) {
      chunks++;
      text += decoder.decode(chunk as Uint8Array, { stream: true });
    }
    expect(chunks).toBeGreaterThan(1);
    expect(parseCsv(text)).toHaveLength(5001);
  }, 120_000);
});
