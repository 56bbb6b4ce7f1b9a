import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardViewSchema, cardSummarySchema } from '@amb/shared/boards';
import { cardSummaryInclude, toCardSummary } from '../src/services/cards/card-summary';
import { createTeam, createUser, signIn, startTestApp, type TestContext } from './support/test-app';

// A card's summary is built by the database (card_summary(), for the board and for moves) and by
// toCardSummary() (every other write and the live updates). These tests hold the two to the same JSON.
describe('the card summary', () => {
  let t: TestContext;
  let cookie: string;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const col = (name: string) => team.board.columns.find((c) => c.name === name)!;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await createUser(t.db, { name: 'Ana Owner' });
    const b = await createUser(t.db, { name: 'Ben Owner' });
    team = await createTeam(t.db, [
      { userId: a.id, role: 'MEMBER' },
      { userId: b.id, role: 'MEMBER' },
    ]);
    cookie = await signIn(t.app, a.email);
    const lane = await t.db.swimlane.create({ data: { boardId: team.board.id, name: 'Expedite', position: 0 } });
    const sprint = await t.db.sprint.create({
      data: {
        teamId: team.id,
        name: 'Sprint 1',
        startDate: new Date('2026-03-02T00:00:00Z'),
        endDate: new Date('2026-03-13T00:00:00Z'),
      },
    });
    const campaign = await t.db.campaign.create({
      data: {
        name: 'Spring launch',
        startDate: new Date('2026-03-01'),
        endDate: new Date('2026-05-31'),
        colour: 'teal',
      },
    });
    const principles = await t.db.principle.findMany({ take: 2, orderBy: { position: 'desc' } });
    // Every field set, with values that would show a difference: owners and principles given out of id order,
    // times with milliseconds, an empty and a non-empty label list, text with quotes and non-ASCII letters.
    const experiment = await t.db.card.create({
      data: {
        boardId: team.board.id,
        columnId: col('In progress').id,
        swimlaneId: lane.id,
        sprintId: sprint.id,
        type: 'EXPERIMENT',
        title: 'Headline “test” für Mai',
        rank: 'm',
        estimate: 5,
        startDate: new Date('2026-04-28T09:00:00.001Z'),
        dueDate: new Date('2026-04-30T17:45:12.345Z'),
        labels: ['email', 'Q2'],
        blocked: true,
        blockedReason: 'Waiting for legal',
        blockedSince: new Date('2026-04-01T08:00:00.007Z'),
        hypothesis: 'A question in the subject line lifts opens by 10%',
        experimentResult: 'VALIDATED',
        campaignId: campaign.id,
        owners: { create: [b, a].map((u) => ({ userId: u.id })) },
        principles: { create: [...principles].reverse().map((p) => ({ principleId: p.id })) },
        approval: {
          create: {
            approvers: {
              create: [
                { userId: a.id, decision: 'APPROVED' },
                { userId: b.id, decision: 'PENDING' },
              ],
            },
          },
        },
      },
    });
    await t.db.card.create({
      data: { boardId: team.board.id, columnId: col('Backlog').id, title: 'Plain task', rank: 'h' },
    });
    // A cover with two image versions and a PDF after them: the thumbnail is of the newest image.
    const cover = await t.db.attachment.create({
      data: {
        cardId: experiment.id,
        name: 'banner.png',
        versions: {
          create: [1, 2, 3].map((number) => ({
            number,
            storageKey: `attachments/summary-${number}`,
            size: 10,
            contentType: number === 3 ? 'application/pdf' : 'image/png',
            fileName: 'banner.png',
          })),
        },
      },
    });
    await t.db.card.update({ where: { id: experiment.id }, data: { coverAttachmentId: cover.id } });
  });
  afterAll(() => t.close());

  it('says where an approval stands as the domain rule does, in every state', async () => {
    const card = await t.db.card.findFirstOrThrow({ where: { title: 'Plain task' } });
    const people = await t.db.user.findMany({ where: { name: { endsWith: ' Owner' } }, orderBy: { name: 'asc' } });
    const fromSql = async () =>
      (
        await t.db.$queryRaw<
          { s: { approval: unknown } }[]
        >`SELECT card_summary(c) AS s FROM cards c WHERE c.id = ${card.id}`
      )[0]!.s.approval;
    expect(await fromSql()).toBeNull();
    const request = await t.db.approvalRequest.create({
      data: { cardId: card.id, approvers: { create: people.map((p) => ({ userId: p.id })) } },
    });
    const cases = [
      [['PENDING', 'PENDING'], { state: 'pending', approved: 0, of: 2 }],
      [['APPROVED', 'PENDING'], { state: 'pending', approved: 1, of: 2 }],
      [['APPROVED', 'APPROVED'], { state: 'approved', approved: 2, of: 2 }],
      [['APPROVED', 'CHANGES_REQUESTED'], { state: 'changes_requested', approved: 1, of: 2 }],
    ] as const;
    for (const [decisions, expected] of cases) {
      for (const [i, p] of people.entries())
        await t.db.approver.update({
          where: { requestId_userId: { requestId: request.id, userId: p.id } },
          data: { decision: decisions[i] },
        });
      expect(await fromSql()).toEqual(expected);
      expect((await fromPrisma(card.id)).approval).toEqual(expected);
    }
    await t.db.approvalRequest.delete({ where: { id: request.id } });
  });

  const fromPrisma = async (id: string) =>
    toCardSummary(await t.db.card.findUniqueOrThrow({ where: { id }, include: cardSummaryInclude }));

  it('the board query gives, for every card and every field, what toCardSummary gives', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/boards/${team.board.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const raw = res.json().cards as Record<string, unknown>[];
    expect(raw).toHaveLength(2);
    boardViewSchema.parse(res.json());
    for (const card of raw) {
      const expected = await fromPrisma(card.id as string);
      // Field for field, and no field on one side only.
      expect(Object.keys(card).sort()).toEqual(Object.keys(expected).sort());
      expect(Object.keys(card).sort()).toEqual(Object.keys(cardSummarySchema.shape).sort());
      expect(card).toEqual(expected);
    }
    const experiment = raw.find((c) => c.type === 'EXPERIMENT')!;
    expect(experiment.hypothesis).toBe('A question in the subject line lifts opens by 10%');
    expect((experiment.ownerIds as string[]).length).toBe(2);
    expect(experiment.cover).toEqual({
      attachmentId: expect.any(String),
      thumbnailUrl: expect.stringMatching(/^\/api\/attachments\/[^/]+\/versions\/2\/thumbnail$/),
    });
    expect(raw.find((c) => c.type !== 'EXPERIMENT')!.cover).toBeNull();
  });

  it('a move answers with the same summary as toCardSummary', async () => {
    const card = await t.db.card.findFirstOrThrow({ where: { boardId: team.board.id, type: 'EXPERIMENT' } });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cards/${card.id}/move`,
      headers: { cookie },
      payload: { columnId: col('Review').id, afterCardId: null, version: card.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().card).toEqual(await fromPrisma(card.id));
    expect(res.json().card.hypothesis).toBe('A question in the subject line lifts opens by 10%');
  });
});
