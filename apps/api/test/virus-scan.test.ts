import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCards } from './support/board-fixtures';
import { clamdInstalled, EICAR, startClamd } from './support/clamd-server';
import { fileForm } from './support/file-form';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// CI installs ClamAV's daemon (.ci/run), so there these tests always run; elsewhere they need `clamd` installed.
describe.skipIf(!clamdInstalled() && !process.env.CI)('virus scanning of uploads with ClamAV', () => {
  let clamd: Awaited<ReturnType<typeof startClamd>>;
  let t: TestContext;
  let dataDir: string;
  let cookie: string;
  let cardId: string;

  const upload = async (url: string, content: string | Buffer, name = 'brief.txt') => {
    const { contentType, payload } = fileForm(name, content);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': contentType }, payload });
  };
  const stored = async () =>
    (await readdir(dataDir, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).length;
  const versions = () => t.db.attachmentVersion.count({ where: { attachment: { cardId } } });

  beforeAll(async () => {
    clamd = await startClamd({ streamMaxBytes: 64 * 1024 });
    dataDir = await mkdtemp(path.join(tmpdir(), 'amb-scan-'));
    t = await startTestApp({ CLAMAV_HOST: clamd.address, DATA_DIR: dataDir });
    const member = await createUser(t.db);
    const team = await createTeam(t.db, [{ userId: member.id, role: 'MEMBER' }]);
    cookie = await signIn(t.app, member.email);
    cardId = (await addCards(t.db, team.board.id, team.board.columns[1]!.id, 1, 'Scanned'))[0]!.id;
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await clamd?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps a clean file, and refuses one carrying a virus naming it, keeping nothing of it', async () => {
    const clean = await upload(`/api/cards/${cardId}/attachments`, 'A clean brief for the launch.');
    expect(clean.statusCode, clean.body).toBe(201);
    const before = { files: await stored(), versions: await versions() };

    const infected = await upload(`/api/cards/${cardId}/attachments`, EICAR, 'invoice.pdf');
    expect(infected.statusCode).toBe(400);
    expect(infected.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'The file carries a virus (Eicar-Test-Signature.UNOFFICIAL); it was not kept',
      fields: [{ field: 'body.file', message: 'carries a virus (Eicar-Test-Signature.UNOFFICIAL)' }],
    });
    // A new version is checked the same way.
    const asVersion = await upload(`/api/attachments/${clean.json().id}/versions`, EICAR);
    expect(asVersion.statusCode).toBe(400);
    expect({ files: await stored(), versions: await versions() }).toEqual(before);
  });

  it('refuses a file the scanner cannot check (over its stream limit) as unavailable, keeping nothing', async () => {
    const before = { files: await stored(), versions: await versions() };
    const big = await upload(`/api/cards/${cardId}/attachments`, Buffer.alloc(256 * 1024, 'a'));
    expect(big.statusCode).toBe(503);
    expect(big.json().error.message).toBe(
      'The file could not be checked for viruses just now, so it was not kept; try again',
    );
    expect({ files: await stored(), versions: await versions() }).toEqual(before);
  });

  it('refuses uploads while the scanner cannot be reached, rather than keep them unchecked', async () => {
    const unreachable = await startTestApp({ CLAMAV_HOST: '127.0.0.1:1' });
    try {
      const member = await createUser(unreachable.db);
      const team = await createTeam(unreachable.db, [{ userId: member.id, role: 'MEMBER' }]);
      const card = (await addCards(unreachable.db, team.board.id, team.board.columns[1]!.id, 1, 'Unscanned'))[0]!;
      const { contentType, payload } = fileForm('brief.txt', 'Fine text');
      const res = await unreachable.app.inject({
        method: 'POST',
        url: `/api/cards/${card.id}/attachments`,
        headers: { cookie: await signIn(unreachable.app, member.email), 'content-type': contentType },
        payload,
      });
      expect(res.statusCode).toBe(503);
      expect(await unreachable.db.attachmentVersion.count()).toBe(0);
    } finally {
      await unreachable.close();
    }
  });
});
