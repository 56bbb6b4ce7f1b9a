import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
import type { Attachment } from '@amb/shared/attachments';
import type { CardSummary } from '@amb/shared/boards';
import { boardEventsSince } from '../src/services/board-events/board-event-hub';
import { addCards } from './support/board-fixtures';
import { fileForm } from './support/file-form';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// A card's cover: one of its own image attachments, set and cleared by people who work on the card, logged and sent
// live, shown in the board's summary of the card as a thumbnail, and gone with its attachment.

describe('card covers', () => {
  let t: TestContext;
  let dataDir: string;
  let as: Record<'member' | 'viewer' | 'outsider', { cookie: string }>;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let n = 0;
  const card = async () => (await addCards(t.db, team.board.id, team.board.columns[1]!.id, 1, `Cover ${++n}.`))[0]!;
  const upload = async (cardId: string, name: string, content: Buffer) => {
    const form = fileForm(name, content);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId}/attachments`,
      headers: { 'content-type': form.contentType, ...as.member },
      payload: form.payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Attachment>();
  };
  const image = () =>
    sharp({ create: { width: 640, height: 360, channels: 3, background: '#2a6' } })
      .jpeg()
      .toBuffer();
  const setCover = (cardId: string, attachmentId: string | null, who: keyof typeof as = 'member') =>
    t.app.inject({ method: 'PUT', url: `/api/cards/${cardId}/cover`, headers: as[who], payload: { attachmentId } });
  const history = async (cardId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/cards/${cardId}`, headers: as.member })).json().history as {
      kind: string;
      from: unknown;
      to: unknown;
    }[];
  const onBoard = async (cardId: string) =>
    (
      (await t.app.inject({ method: 'GET', url: `/api/boards/${team.board.id}`, headers: as.member })).json()
        .cards as CardSummary[]
    ).find((c) => c.id === cardId)!;
  const lastSeq = async () =>
    (await t.db.$queryRaw<{ seq: bigint }[]>`SELECT COALESCE(max(seq), 0) AS seq FROM activity_commits`)[0]!.seq;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'amb-covers-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    const [member, viewer, outsider] = await Promise.all([createUser(t.db), createUser(t.db), createUser(t.db)]);
    team = await createTeam(t.db, [
      { userId: member.id, role: 'MEMBER' },
      { userId: viewer.id, role: 'VIEWER' },
    ]);
    await createTeam(t.db, [{ userId: outsider.id, role: 'MEMBER' }]);
    as = {
      member: { cookie: await signIn(t.app, member.email) },
      viewer: { cookie: await signIn(t.app, viewer.email) },
      outsider: { cookie: await signIn(t.app, outsider.email) },
    };
  });
  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows a chosen image on the card’s face as its thumbnail, logs it, tells the board, and clears it', async () => {
    const { id: cardId } = await card();
    const banner = await upload(cardId, 'banner.jpg', await image());
    const after = await lastSeq();
    const set = await setCover(cardId, banner.id);
    expect(set.statusCode, set.body).toBe(200);
    const cover = { attachmentId: banner.id, thumbnailUrl: banner.latest.thumbnailUrl };
    expect(set.json<CardSummary>().cover).toEqual(cover);
    expect((await onBoard(cardId)).cover).toEqual(cover);
    const thumbnail = await t.app.inject({ method: 'GET', url: cover.thumbnailUrl!, headers: as.viewer });
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers['content-type']).toBe('image/webp');
    const events = await boardEventsSince(t.db, team.board.id, after);
    expect(events.find((e) => e.cardId === cardId)).toMatchObject({
      kind: activityKinds.cardCoverChanged,
      card: { cover },
    });

    // Choosing it again changes nothing and logs nothing.
    expect((await setCover(cardId, banner.id)).statusCode).toBe(200);
    const cleared = await setCover(cardId, null);
    expect(cleared.json<CardSummary>().cover).toBeNull();
    expect((await onBoard(cardId)).cover).toBeNull();
    const entries = (await history(cardId)).filter((h) => h.kind === activityKinds.cardCoverChanged);
    expect(entries).toEqual([
      expect.objectContaining({ from: { attachmentId: banner.id, name: 'banner.jpg' }, to: null }),
      expect.objectContaining({ from: null, to: { attachmentId: banner.id, name: 'banner.jpg' } }),
    ]);
  });

  it('follows the attachment’s newest version that is an image', async () => {
    const { id: cardId } = await card();
    const banner = await upload(cardId, 'banner.jpg', await image());
    await setCover(cardId, banner.id);
    const form = fileForm('banner.jpg', await image());
    await t.app.inject({
      method: 'POST',
      url: `/api/attachments/${banner.id}/versions`,
      headers: { 'content-type': form.contentType, ...as.member },
      payload: form.payload,
    });
    expect((await onBoard(cardId)).cover?.thumbnailUrl).toBe(`/api/attachments/${banner.id}/versions/2/thumbnail`);

    // A newer version that is no image (the banner's brief as a PDF) leaves the last picture on the card's face.
    const pdf = fileForm('banner.pdf', Buffer.from('%PDF-1.7\n'.repeat(10)));
    const third = await t.app.inject({
      method: 'POST',
      url: `/api/attachments/${banner.id}/versions`,
      headers: { 'content-type': pdf.contentType, ...as.member },
      payload: pdf.payload,
    });
    expect(third.statusCode, third.body).toBe(201);
    const cover = (await onBoard(cardId)).cover;
    expect(cover?.thumbnailUrl).toBe(`/api/attachments/${banner.id}/versions/2/thumbnail`);
    expect((await t.app.inject({ method: 'GET', url: cover!.thumbnailUrl, headers: as.member })).statusCode).toBe(200);
  });

  it('refuses a file that is not an image, another card’s attachment and an unknown one, naming the field', async () => {
    const { id: cardId } = await card();
    const { id: otherCardId } = await card();
    const pdf = await upload(cardId, 'brief.pdf', Buffer.from('%PDF-1.7\n'.repeat(10)));
    const elsewhere = await upload(otherCardId, 'other.jpg', await image());
    for (const [attachmentId, message] of [
      [pdf.id, 'must be an image (PNG, JPEG, GIF or WebP)'],
      [elsewhere.id, 'must be an attachment of this card'],
      ['00000000-0000-4000-8000-000000000000', 'must be an attachment of this card'],
      ['no-such-attachment', 'must be a valid id'],
    ] as const) {
      const res = await setCover(cardId, attachmentId);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ field: 'body.attachmentId', message }]);
    }
    expect((await setCover(cardId, 42 as unknown as string)).statusCode).toBe(400);
    expect((await onBoard(cardId)).cover).toBeNull();
  });

  it('lets only people who work on the card set it: a viewer is refused, another team finds no card', async () => {
    const { id: cardId } = await card();
    const banner = await upload(cardId, 'banner.jpg', await image());
    expect((await setCover(cardId, banner.id, 'viewer')).statusCode).toBe(403);
    expect((await setCover(cardId, banner.id, 'outsider')).statusCode).toBe(404);
    expect((await onBoard(cardId)).cover).toBeNull();
  });

  it('goes when its attachment is deleted, said in the card’s history and on the board', async () => {
    const { id: cardId } = await card();
    const banner = await upload(cardId, 'banner.jpg', await image());
    const before = await setCover(cardId, banner.id);
    const after = await lastSeq();
    await t.app.inject({ method: 'DELETE', url: `/api/attachments/${banner.id}`, headers: as.member });
    expect((await onBoard(cardId)).cover).toBeNull();
    expect((await onBoard(cardId)).version).toBeGreaterThan(before.json<CardSummary>().version);
    expect((await history(cardId))[0]).toMatchObject({
      kind: activityKinds.cardCoverChanged,
      from: { attachmentId: banner.id, name: 'banner.jpg' },
      to: null,
    });
    const events = await boardEventsSince(t.db, team.board.id, after);
    expect(events.find((e) => e.cardId === cardId)?.card?.cover).toBeNull();
  });
});
