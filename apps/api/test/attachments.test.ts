import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
import type { Attachment } from '@amb/shared/attachments';
import { boardEventsSince } from '../src/services/board-events/board-event-hub';
import { addCards } from './support/board-fixtures';
import { startS3App } from './support/s3-server';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Files on cards: bytes out equal bytes in, whichever storage; limits refuse with 413 (before reading when the
// length says so, and mid-stream otherwise) and keep nothing; only people who can read a card's team read its files.

const BOUNDARY = '----attachment-test-boundary';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const PDF = Buffer.from('%PDF-1.7\n% a brief for legal\n'.repeat(40));

const formHead = (fileName: string) =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
const formTail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
const form = (fileName: string, content: Buffer) => Buffer.concat([formHead(fileName), content, formTail]);
type Headers = Record<string, string>;
const multipart = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

/** Bytes of a pattern that differs at every offset, so a lost or moved chunk shows. */
function pattern(size: number, seed = 1) {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed + (i >> 8)) % 256;
  return out;
}

async function storedFiles(dir: string) {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

/** The people of the tests: team A's member, second member, viewer and scrum master, another team's member, an admin. */
async function people(t: TestContext) {
  const [member, other, viewer, master, outsider, admin] = await Promise.all([
    createUser(t.db),
    createUser(t.db),
    createUser(t.db),
    createUser(t.db),
    createUser(t.db),
    createUser(t.db, { orgRole: 'ADMIN' }),
  ]);
  const team = await createTeam(t.db, [
    { userId: member.id, role: 'MEMBER' },
    { userId: other.id, role: 'MEMBER' },
    { userId: viewer.id, role: 'VIEWER' },
    { userId: master.id, role: 'SCRUM_MASTER' },
  ]);
  await createTeam(t.db, [{ userId: outsider.id, role: 'MEMBER' }]);
  const cookie = async (u: { email: string }) => ({ cookie: await signIn(t.app, u.email) });
  return {
    team,
    ids: { member: member.id },
    as: {
      member: await cookie(member),
      other: await cookie(other),
      viewer: await cookie(viewer),
      master: await cookie(master),
      outsider: await cookie(outsider),
      admin: await cookie(admin),
    },
  };
}

describe('attachments in a folder under DATA_DIR', () => {
  let t: TestContext;
  let dataDir: string;
  let p: Awaited<ReturnType<typeof people>>;
  let cards = 0;
  const card = async () =>
    (await addCards(t.db, p.team.board.id, p.team.board.columns[1]!.id, 1, `Files ${++cards}.`))[0]!;
  const upload = (cardId: string, headers: Headers, fileName: string, content: Buffer) =>
    t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId}/attachments`,
      headers: { ...multipart, ...headers },
      payload: form(fileName, content),
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'amb-attachments-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    p = await people(t);
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives back exactly the bytes uploaded, with the name cleaned and the type sniffed', async () => {
    const { id: cardId } = await card();
    const bytes = pattern(3 * 1024 * 1024 + 17);
    const res = await upload(
      cardId,
      p.as.member,
      'Brief – été 2027.pdf',
      Buffer.concat([Buffer.from('%PDF-1.7\n'), bytes]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json<Attachment>();
    expect(attachment).toMatchObject({ name: 'Brief – été 2027.pdf', canManage: true });
    expect(attachment.latest).toMatchObject({ number: 1, size: bytes.length + 9, contentType: 'application/pdf' });

    const download = await t.app.inject({ method: 'GET', url: attachment.latest.url, headers: p.as.viewer });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(Buffer.concat([Buffer.from('%PDF-1.7\n'), bytes]))).toBe(true);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Brief _ _t_ 2027.pdf"; filename*=UTF-8''Brief%20%E2%80%93%20%C3%A9t%C3%A9%202027.pdf`,
    );

    const list = await t.app.inject({ method: 'GET', url: `/api/cards/${cardId}/attachments`, headers: p.as.viewer });
    expect(list.json().attachments).toEqual([{ ...attachment, canManage: false }]);
  });

  it('shows raster images inline, and everything active as a download of bytes whatever its name', async () => {
    const { id: cardId } = await card();
    const image = (await upload(cardId, p.as.member, 'banner.png', PNG)).json<Attachment>();
    const inline = await t.app.inject({ method: 'GET', url: image.latest.url, headers: p.as.member });
    expect(inline.headers['content-type']).toBe('image/png');
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename="banner.png"/);
    const asDownload = await t.app.inject({
      method: 'GET',
      url: `${image.latest.url}?download=1`,
      headers: p.as.member,
    });
    expect(asDownload.headers['content-disposition']).toMatch(/^attachment;/);

    for (const [name, content] of [
      ['innocent.png', '<!DOCTYPE html><script>alert(document.cookie)</script>'],
      ['logo.png', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ] as const) {
      const hostile = (await upload(cardId, p.as.member, name, Buffer.from(content))).json<Attachment>();
      expect(hostile.latest.contentType).not.toBe('image/png');
      const res = await t.app.inject({ method: 'GET', url: hostile.latest.url, headers: p.as.member });
      expect(res.headers['content-type']).toBe('application/octet-stream');
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('cleans names of folders and reordering characters, and never stores by them', async () => {
    const { id: cardId } = await card();
    const res = await upload(cardId, p.as.member, '../../etc/invoice\u202Efdp.exe', Buffer.from('text'));
    expect(res.json().name).toBe('invoicefdp.exe');
    expect((await storedFiles(dataDir)).some((f) => f.includes('invoice'))).toBe(false);
  });

  it('lets only people who can work on the card upload, and only its team read', async () => {
    const { id: cardId } = await card();
    const mine = (await upload(cardId, p.as.member, 'a.pdf', PDF)).json<Attachment>();
    expect((await upload(cardId, p.as.viewer, 'b.pdf', PDF)).statusCode).toBe(403);
    expect((await upload(cardId, p.as.outsider, 'b.pdf', PDF)).statusCode).toBe(404);
    expect((await upload(cardId, {}, 'b.pdf', PDF)).statusCode).toBe(401);
    const reads = {
      list: (h: Headers) => t.app.inject({ method: 'GET', url: `/api/cards/${cardId}/attachments`, headers: h }),
      file: (h: Headers) => t.app.inject({ method: 'GET', url: mine.latest.url, headers: h }),
    };
    for (const read of Object.values(reads)) {
      expect((await read(p.as.viewer)).statusCode).toBe(200);
      expect((await read(p.as.admin)).statusCode).toBe(200);
      expect((await read(p.as.outsider)).statusCode).toBe(404);
    }
    expect((await reads.file(p.as.outsider)).json().error.message).toBe('Attachment not found');
  });

  it('lets the uploader, a scrum master and an admin rename and delete; not another member', async () => {
    const { id: cardId } = await card();
    const rename = (id: string, headers: Headers, name: string) =>
      t.app.inject({ method: 'PATCH', url: `/api/attachments/${id}`, headers, payload: { name } });
    const remove = (id: string, headers: Headers) =>
      t.app.inject({ method: 'DELETE', url: `/api/attachments/${id}`, headers });
    const a = (await upload(cardId, p.as.member, 'draft.pdf', PDF)).json<Attachment>();
    expect((await rename(a.id, p.as.other, 'x.pdf')).statusCode).toBe(403);
    expect((await rename(a.id, p.as.viewer, 'x.pdf')).statusCode).toBe(403);
    expect((await rename(a.id, p.as.outsider, 'x.pdf')).statusCode).toBe(404);
    expect((await remove(a.id, p.as.other)).statusCode).toBe(403);
    const renamed = await rename(a.id, p.as.member, 'Final/brief.pdf');
    expect(renamed.json().name).toBe('brief.pdf');
    expect((await rename(a.id, p.as.master, 'Brief (legal).pdf')).statusCode).toBe(200);
    const download = await t.app.inject({ method: 'GET', url: a.latest.url, headers: p.as.member });
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''Brief%20%28legal%29.pdf`);

    expect((await remove(a.id, p.as.admin)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: a.latest.url, headers: p.as.member })).statusCode).toBe(404);
    const b = (await upload(cardId, p.as.other, 'other.pdf', PDF)).json<Attachment>();
    expect((await remove(b.id, p.as.master)).statusCode).toBe(200);
  });

  it('removes the stored files of deleted attachments, and of deleted cards, after the commit', async () => {
    const { id: cardId } = await card();
    // Files that earlier tests let go are removed first, or the app's own sweep could remove them mid-count.
    await t.app.fileDeletions.sweep();
    const before = (await storedFiles(dataDir)).length;
    const a = (await upload(cardId, p.as.member, 'one.pdf', PDF)).json<Attachment>();
    await upload(cardId, p.as.member, 'two.pdf', PDF);
    expect((await storedFiles(dataDir)).length).toBe(before + 2);
    await t.app.inject({ method: 'DELETE', url: `/api/attachments/${a.id}`, headers: p.as.member });
    await t.db.card.delete({ where: { id: cardId } });
    expect(await t.db.fileDeletion.count()).toBeGreaterThanOrEqual(1);
    await t.app.fileDeletions.sweep();
    expect(await t.db.fileDeletion.count()).toBe(0);
    expect((await storedFiles(dataDir)).length).toBe(before);
  });

  it('keeps earlier versions downloadable, shows the newest, and numbers versions uploaded at once apart', async () => {
    const { id: cardId } = await card();
    const first = (await upload(cardId, p.as.member, 'banner.png', PNG)).json<Attachment>();
    const version = (headers: Headers, content: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: `/api/attachments/${first.id}/versions`,
        headers: { ...multipart, ...headers },
        payload: form('banner-v2.png', content),
      });
    expect((await version(p.as.viewer, PDF)).statusCode).toBe(403);
    expect((await version(p.as.outsider, PDF)).statusCode).toBe(404);
    const v2 = Buffer.concat([PNG, Buffer.from('two')]);
    const v3 = Buffer.concat([PNG, Buffer.from('three')]);
    const answers = await Promise.all([version(p.as.other, v2), version(p.as.member, v3)]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    const list = await t.app.inject({ method: 'GET', url: `/api/cards/${cardId}/attachments`, headers: p.as.member });
    const [shown] = list.json().attachments as Attachment[];
    expect(shown!.name).toBe('banner.png');
    expect(shown!.versions.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(shown!.latest.number).toBe(3);
    const bodies = await Promise.all(
      shown!.versions.map(
        async (v) => (await t.app.inject({ method: 'GET', url: v.url, headers: p.as.viewer })).rawPayload,
      ),
    );
    expect(bodies.at(-1)!.equals(PNG)).toBe(true);
    expect(new Set(bodies.slice(0, 2).map((b) => b.toString('hex')))).toEqual(
      new Set([v2.toString('hex'), v3.toString('hex')]),
    );
    const old = await t.app.inject({ method: 'GET', url: shown!.versions[2]!.url, headers: p.as.member });
    expect(old.headers['content-disposition']).toContain('banner (version 1).png');
  });

  it('logs each change in the card’s history, in the same transaction, and tells the board', async () => {
    const { id: cardId } = await card();
    const rows = await t.db.$queryRaw<{ seq: bigint }[]>`SELECT COALESCE(max(seq), 0) AS seq FROM activity_commits`;
    const after = rows[0]!.seq;
    const a = (await upload(cardId, p.as.member, 'plan.pdf', PDF)).json<Attachment>();
    await t.app.inject({
      method: 'POST',
      url: `/api/attachments/${a.id}/versions`,
      headers: { ...multipart, ...p.as.member },
      payload: form('plan.pdf', PDF),
    });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/attachments/${a.id}`,
      headers: p.as.member,
      payload: { name: 'Plan.pdf' },
    });
    await t.app.inject({ method: 'DELETE', url: `/api/attachments/${a.id}`, headers: p.as.member });
    const detail = await t.app.inject({ method: 'GET', url: `/api/cards/${cardId}`, headers: p.as.viewer });
    const kinds = (detail.json().history as { kind: string }[]).map((h) => h.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        activityKinds.attachmentAdded,
        activityKinds.attachmentVersionAdded,
        activityKinds.attachmentRenamed,
        activityKinds.attachmentRemoved,
      ]),
    );
    const events = await boardEventsSince(t.db, p.team.board.id, after);
    expect(events.find((e) => e.cardId === cardId)).toMatchObject({ kind: activityKinds.attachmentRemoved });
  });

  it('refuses a file over the size limit from its declared length, before reading it, and keeps nothing', async () => {
    const { id: cardId } = await card();
    const rows = await t.db.attachmentVersion.count();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId}/attachments`,
      headers: { ...multipart, ...p.as.member, 'content-length': String(60 * 1024 * 1024) },
      // The body is never read: a small one stands for the 60 MB the header announces.
      payload: form('huge.mov', Buffer.alloc(10)),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The file is larger than the 50 MB allowed for one file',
    });
    expect(await t.db.attachmentVersion.count()).toBe(rows);
  });

  it('refuses a form that ends before its closing boundary with a 400 naming the file, keeping nothing', async () => {
    const { id: cardId } = await card();
    const rows = await t.db.attachmentVersion.count();
    await t.app.fileDeletions.sweep();
    const files = await storedFiles(dataDir);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId}/attachments`,
      headers: { ...multipart, ...p.as.member },
      payload: Buffer.concat([formHead('brief.pdf'), pattern(64 * 1024, 5)]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'body.file', message: 'was cut off' }]);
    expect(await t.db.attachmentVersion.count()).toBe(rows);
    await expect.poll(async () => (await storedFiles(dataDir)).length).toBe(files.length);
  });

  describe('over real HTTP', () => {
    let base: URL;
    let cookie: string;
    beforeAll(async () => {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      base = new URL(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`);
      cookie = p.as.member.cookie;
    });

    /**
     * Sends a multipart upload of `size` generated bytes as the socket takes them (no length announced unless
     * asked), stopping when the answer comes; resolves with the answer and how much was sent by then.
     */
    function streamUpload(cardId: string, size: number, { cutAfter }: { cutAfter?: number } = {}) {
      return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
        let sent = 0;
        let answered = false;
        const req = http.request(new URL(`/api/cards/${cardId}/attachments`, base), {
          method: 'POST',
          headers: { ...multipart, cookie, origin: base.origin },
        });
        req.on('response', async (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          for await (const c of res) chunks.push(c as Buffer);
          resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), sent });
          req.destroy();
        });
        req.on('error', (error) => {
          if (cutAfter !== undefined && sent >= cutAfter) resolve({ status: 0, body: '', sent });
          else if (!answered) reject(error);
        });
        // Waits for the socket to take more, or for the answer, whichever comes first.
        let wake: (() => void) | null = null;
        const nudge = () => wake?.();
        req.on('drain', nudge).on('response', nudge).on('close', nudge);
        void (async () => {
          req.write(formHead('campaign-video.mp4'));
          const chunk = pattern(256 * 1024, 3);
          while (sent < size && !answered) {
            if (cutAfter !== undefined && sent >= cutAfter) {
              req.destroy();
              return;
            }
            sent += chunk.length;
            if (!req.write(chunk) && !answered) await new Promise<void>((resolve) => (wake = resolve));
          }
          if (!answered) req.end(formTail);
        })().catch(reject);
      });
    }

    it('refuses a 100 MB upload without a declared length as soon as it passes 50 MB, keeping nothing', async () => {
      const { id: cardId } = await card();
      await t.app.fileDeletions.sweep();
      const files = await storedFiles(dataDir);
      const rows = await t.db.attachmentVersion.count();
      const size = 100 * 1024 * 1024;
      const result = await streamUpload(cardId, size);
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body).error.message).toBe('The file is larger than the 50 MB allowed for one file');
      // The answer came while the file was still being sent: the server did not wait for (or keep) the rest.
      expect(result.sent).toBeLessThan(size);
      expect(result.sent).toBeGreaterThan(50 * 1024 * 1024);
      expect(await storedFiles(dataDir)).toEqual(files);
      expect(await t.db.attachmentVersion.count()).toBe(rows);
    });

    it('keeps nothing of an upload cut off half-way', async () => {
      const { id: cardId } = await card();
      await t.app.fileDeletions.sweep();
      const files = await storedFiles(dataDir);
      await streamUpload(cardId, 20 * 1024 * 1024, { cutAfter: 5 * 1024 * 1024 });
      // The server sees the cut when the socket closes; the rows and files it might have left are then looked at
      // once the request is over (the next request on a fresh connection is served after it).
      await expect.poll(async () => (await storedFiles(dataDir)).length).toBe(files.length);
      expect(await t.db.attachment.count({ where: { cardId } })).toBe(0);
    });
  });
});

describe('attachments in S3-compatible storage, with small limits', () => {
  let t: TestContext;
  let app: Awaited<ReturnType<typeof startS3App>>;
  let p: Awaited<ReturnType<typeof people>>;

  beforeAll(async () => {
    app = await startS3App({ ATTACHMENT_MAX_BYTES: String(64 * 1024), ATTACHMENT_TOTAL_BYTES: String(100 * 1024) });
    t = app.t;
    p = await people(t);
  });
  afterAll(() => app?.close());

  const objects = () => app.objects();

  it('round-trips a file through the bucket and removes it from there once deleted', async () => {
    expect(t.app.files.kind).toBe('s3');
    const [card] = await addCards(t.db, p.team.board.id, p.team.board.columns[1]!.id, 1, 'S3');
    const bytes = pattern(60 * 1024, 9);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card!.id}/attachments`,
      headers: { ...multipart, ...p.as.member },
      payload: form('numbers.bin', bytes),
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json<Attachment>();
    expect(await objects()).toHaveLength(1);
    const download = await t.app.inject({ method: 'GET', url: a.latest.url, headers: p.as.master });
    expect(download.rawPayload.equals(bytes)).toBe(true);
    await t.app.inject({ method: 'DELETE', url: `/api/attachments/${a.id}`, headers: p.as.member });
    await t.app.fileDeletions.sweep();
    expect(await objects()).toHaveLength(0);
  });

  it('refuses a file over the per-file limit and one past the organisation’s total, keeping neither', async () => {
    const [card] = await addCards(t.db, p.team.board.id, p.team.board.columns[1]!.id, 1, 'Quota');
    const send = (size: number, headers: Headers = {}) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cards/${card!.id}/attachments`,
        headers: { ...multipart, ...p.as.member, ...headers },
        payload: form('file.bin', pattern(size)),
      });
    const tooBig = await send(64 * 1024 + 1);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toBe('The file is larger than the 64 KB allowed for one file');
    expect((await send(60 * 1024)).statusCode).toBe(201);
    const overTotal = await send(50 * 1024);
    expect(overTotal.statusCode).toBe(413);
    expect(overTotal.json().error.message).toMatch(/past the 100 KB allowed \(40 KB left\)/);
    expect((await send(30 * 1024)).statusCode).toBe(201);
    expect(await objects()).toHaveLength(2);
    expect(await t.db.attachment.count({ where: { cardId: card!.id } })).toBe(2);
  });
});
