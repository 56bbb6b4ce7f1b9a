import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
import type { Approval } from '@amb/shared/approvals';
import type { Attachment } from '@amb/shared/attachments';
import { addCards } from './support/board-fixtures';
import { fileForm } from './support/file-form';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// Approval of a card or of an attachment's version: named people who can read the card decide; one request for
// changes turns the whole request to "changes requested"; a new version starts it again.

/** An upload of `banner.txt` holding `content`, as `who`. */
const banner = (content: string, who: { cookie: string }) => {
  const { contentType, payload } = fileForm('banner.txt', content);
  return { headers: { 'content-type': contentType, ...who }, payload };
};

describe('approvals', () => {
  let t: TestContext;
  let ids: Record<'member' | 'legal' | 'brand' | 'viewer' | 'outsider', string>;
  let as: Record<'member' | 'legal' | 'brand' | 'viewer' | 'outsider', { cookie: string }>;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let n = 0;
  const card = async () =>
    (await addCards(t.db, team.board.id, team.board.columns[2]!.id, 1, `Approval ${++n}.`))[0]!.id;
  const ask = (cardId: string, headers: { cookie: string }, body: object) =>
    t.app.inject({ method: 'POST', url: `/api/cards/${cardId}/approval`, headers, payload: body });
  const decide = (cardId: string, headers: { cookie: string }, decision: string, comment = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId}/approval/decision`,
      headers,
      payload: { decision, comment },
    });
  const current = async (cardId: string, headers = as.member) =>
    (await t.app.inject({ method: 'GET', url: `/api/cards/${cardId}/approval`, headers })).json().approval as Approval;

  beforeAll(async () => {
    t = await startTestApp();
    const users = {
      member: await createUser(t.db, { name: 'Mia Member' }),
      legal: await createUser(t.db, { name: 'Lee Legal' }),
      brand: await createUser(t.db, { name: 'Bo Brand' }),
      viewer: await createUser(t.db, { name: 'Val Viewer' }),
      outsider: await createUser(t.db, { name: 'Oz Outsider' }),
    };
    team = await createTeam(t.db, [
      { userId: users.member.id, role: 'MEMBER' },
      { userId: users.legal.id, role: 'MEMBER' },
      { userId: users.brand.id, role: 'SCRUM_MASTER' },
      { userId: users.viewer.id, role: 'VIEWER' },
    ]);
    await createTeam(t.db, [{ userId: users.outsider.id, role: 'MEMBER' }]);
    ids = Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.id])) as typeof ids;
    as = Object.fromEntries(
      await Promise.all(Object.entries(users).map(async ([k, u]) => [k, { cookie: await signIn(t.app, u.email) }])),
    ) as typeof as;
  });
  afterAll(() => t?.close());

  it('is pending until every approver approves, and shows "1 of 2" on the way', async () => {
    const cardId = await card();
    expect(await current(cardId)).toBeNull();
    const asked = await ask(cardId, as.member, { approverIds: [ids.legal, ids.brand], note: 'For the launch' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().approval).toMatchObject({ state: 'pending', approved: 0, of: 2, canDecide: false });
    const first = await decide(cardId, as.legal, 'APPROVED', 'Claims are fine');
    expect(first.json().approval).toMatchObject({ state: 'pending', approved: 1, of: 2, canDecide: true });
    await decide(cardId, as.brand, 'APPROVED');
    const done = await current(cardId, as.viewer);
    expect(done).toMatchObject({ state: 'approved', approved: 2, of: 2 });
    expect(done.approvers.find((a) => a.user.id === ids.legal)).toMatchObject({
      decision: 'APPROVED',
      comment: 'Claims are fine',
    });
  });

  it('turns to "changes requested" when one approver asks for changes', async () => {
    const cardId = await card();
    await ask(cardId, as.member, { approverIds: [ids.legal, ids.brand] });
    await decide(cardId, as.legal, 'APPROVED');
    const res = await decide(cardId, as.brand, 'CHANGES_REQUESTED', 'Logo too small');
    expect(res.json().approval).toMatchObject({ state: 'changes_requested', approved: 1, of: 2 });
  });

  it('lets only the people asked decide, and only people who can see the card be asked', async () => {
    const cardId = await card();
    expect((await ask(cardId, as.member, { approverIds: [ids.outsider] })).json().error.fields).toEqual([
      { field: 'body.approverIds', message: 'must name people who can see this card' },
    ]);
    expect((await ask(cardId, as.viewer, { approverIds: [ids.legal] })).statusCode).toBe(403);
    expect((await ask(cardId, as.outsider, { approverIds: [ids.legal] })).statusCode).toBe(404);
    expect((await decide(cardId, as.legal, 'APPROVED')).statusCode).toBe(404);
    // A viewer can read the card, so can be asked to approve it.
    await ask(cardId, as.member, { approverIds: [ids.viewer] });
    expect((await decide(cardId, as.legal, 'APPROVED')).statusCode).toBe(403);
    expect((await decide(cardId, as.outsider, 'APPROVED')).statusCode).toBe(404);
    expect((await decide(cardId, as.viewer, 'APPROVED')).json().approval.state).toBe('approved');
    expect((await decide(cardId, as.viewer, 'MAYBE')).statusCode).toBe(400);
  });

  it('starts again when a new version of the attachment under approval is uploaded, and logs each step', async () => {
    const cardId = await card();
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${cardId}/attachments`,
      ...banner('version one', as.member),
    });
    const attachment = upload.json<Attachment>();
    const asked = await ask(cardId, as.member, { approverIds: [ids.legal], attachmentId: attachment.id });
    expect(asked.json().approval.attachment).toEqual({ id: attachment.id, name: 'banner.txt', versionNumber: 1 });
    await decide(cardId, as.legal, 'APPROVED');
    expect((await current(cardId)).state).toBe('approved');
    await t.app.inject({
      method: 'POST',
      url: `/api/attachments/${attachment.id}/versions`,
      ...banner('version two', as.member),
    });
    const after = await current(cardId);
    expect(after).toMatchObject({ state: 'pending', approved: 0, of: 1 });
    expect(after.attachment!.versionNumber).toBe(2);
    expect(after.approvers[0]).toMatchObject({ decision: 'PENDING', comment: '', decidedAt: null });

    const other = await card();
    expect((await ask(other, as.member, { approverIds: [ids.legal], attachmentId: attachment.id })).statusCode).toBe(
      400,
    );

    const detail = (await t.app.inject({ method: 'GET', url: `/api/cards/${cardId}`, headers: as.member })).json();
    const kinds = (detail.history as { kind: string }[]).map((h) => h.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        activityKinds.approvalRequested,
        activityKinds.approvalDecided,
        activityKinds.approvalReset,
      ]),
    );
    expect(detail.historyNames[ids.legal]).toBe('Lee Legal');
  });

  it('replaces the current request when asked again', async () => {
    const cardId = await card();
    await ask(cardId, as.member, { approverIds: [ids.legal] });
    await decide(cardId, as.legal, 'CHANGES_REQUESTED', 'No');
    await ask(cardId, as.member, { approverIds: [ids.brand] });
    const now = await current(cardId);
    expect(now).toMatchObject({ state: 'pending', of: 1 });
    expect(now.approvers.map((a) => a.user.id)).toEqual([ids.brand]);
  });
});
