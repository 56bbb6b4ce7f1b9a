import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardStateAt, foldCardTimelines } from '@amb/domain/fold-card-timeline';
import { activityKinds, readActivityPayload } from '@amb/shared/activity';
import { seedDemoData } from '../src/db/seed';
import { createTestDatabase, type TestDatabase } from './support/test-database';

describe('demo data', () => {
  let database: TestDatabase;
  let seeded: boolean;
  beforeAll(async () => {
    database = await createTestDatabase();
    seeded = await seedDemoData(database.prisma);
  });
  afterAll(() => database.drop());

  it('creates the teams, people in every role, and an active sprint', async () => {
    const db = database.prisma;
    expect(seeded).toBe(true);
    const teams = await db.team.findMany({ orderBy: { name: 'asc' } });
    expect(teams.map((t) => [t.name, t.kind])).toEqual([
      ['Content Marketing', 'MARKETING'],
      ['Growth', 'MARKETING'],
      ['Web Development', 'DEVELOPMENT'],
    ]);
    expect(await db.user.count({ where: { orgRole: 'PMO' } })).toBeGreaterThan(0);
    expect(await db.user.count({ where: { orgRole: 'ADMIN' } })).toBeGreaterThan(0);
    const maya = await db.user.findUniqueOrThrow({
      where: { email: 'maya@demo.test' },
      include: { memberships: { include: { team: true } } },
    });
    expect(maya.memberships.find((m) => m.team.name === 'Content Marketing')?.role).toBe('SCRUM_MASTER');
    expect(await db.membership.count({ where: { role: 'VIEWER' } })).toBeGreaterThan(0);
    expect(await db.sprint.count({ where: { state: 'ACTIVE' } })).toBe(2);
    expect(await db.card.count({ where: { sprint: { state: 'ACTIVE' } } })).toBeGreaterThan(5);
  });

  it('has obstacles, experiments, principle tags, cross-team links and hard and soft limits', async () => {
    const db = database.prisma;
    expect(
      await db.card.count({ where: { blocked: true, blockedReason: { not: null }, blockedSince: { not: null } } }),
    ).toBeGreaterThanOrEqual(3);
    expect(await db.card.count({ where: { type: 'EXPERIMENT', hypothesis: { not: null } } })).toBeGreaterThanOrEqual(3);
    expect(await db.cardPrinciple.count()).toBeGreaterThan(20);
    const links = await db.cardLink.findMany({
      include: {
        fromCard: { include: { board: { include: { team: true } } } },
        toCard: { include: { board: { include: { team: true } } } },
      },
    });
    expect(
      links.some((l) => l.fromCard.board.team.kind === 'MARKETING' && l.toCard.board.team.kind === 'DEVELOPMENT'),
    ).toBe(true);
    expect(await db.column.count({ where: { wipPolicy: 'HARD', wipLimit: { not: null } } })).toBeGreaterThan(0);
    // Hard limits hold in the demo; at least one soft limit is breached, with its breach open.
    for (const column of await db.column.findMany({
      where: { wipLimit: { not: null } },
      include: { _count: { select: { cards: true } } },
    })) {
      if (column.wipPolicy === 'HARD') expect(column._count.cards).toBeLessThanOrEqual(column.wipLimit!);
    }
    expect(await db.wipBreach.count({ where: { endedAt: null } })).toBeGreaterThan(0);
    // A card in review waits on one of its two approvers.
    const approval = await db.approvalRequest.findFirstOrThrow({
      include: { approvers: true, card: { include: { column: true } } },
    });
    expect(approval.card.column.name).toBe('Review');
    expect(approval.approvers.map((a) => a.decision).sort()).toEqual(['APPROVED', 'PENDING']);
    // A running campaign with cards of two teams, some of them done.
    const campaign = await db.campaign.findFirstOrThrow({
      include: {
        cards: { select: { board: { select: { teamId: true } }, column: { select: { flowCategory: true } } } },
      },
    });
    expect(campaign.status).toBe('RUNNING');
    expect(new Set(campaign.cards.map((c) => c.board.teamId)).size).toBe(2);
    expect(campaign.cards.some((c) => c.column.flowCategory === 'DONE')).toBe(true);
  });

  it('keeps ranks unique per column and history consistent with where the cards are', async () => {
    const db = database.prisma;
    const cards = await db.card.findMany({ include: { column: true } });
    const ranks = new Set(cards.map((c) => `${c.columnId}/${c.rank}`));
    expect(ranks.size).toBe(cards.length);
    const activity = await db.activity.findMany({ orderBy: { id: 'asc' } });
    const days = (activity.at(-1)!.at.getTime() - activity[0]!.at.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(20);
    for (let i = 1; i < activity.length; i++)
      expect(activity[i]!.at.getTime()).toBeGreaterThanOrEqual(activity[i - 1]!.at.getTime());
    for (const card of cards) {
      const moves = activity.filter((a) => a.cardId === card.id && a.kind === activityKinds.cardMoved);
      const last = moves.at(-1);
      const where = last
        ? (last.to as { columnId: string }).columnId
        : (
            activity.find((a) => a.cardId === card.id && a.kind === activityKinds.cardCreated)!.to as {
              columnId: string;
            }
          ).columnId;
      expect(where).toBe(card.columnId);
      if (card.column.flowCategory === 'DONE') expect(card.completedAt).not.toBeNull();
    }
  });

  it('writes every history entry in the shape its kind says, comments credited to their authors', async () => {
    const db = database.prisma;
    const activity = await db.activity.findMany();
    for (const entry of activity)
      expect(readActivityPayload(entry), `${entry.kind} ${JSON.stringify(entry.to)}`).not.toBeNull();
    const comments = await db.comment.findMany();
    expect(new Set(comments.map((c) => c.authorId)).size).toBeGreaterThan(3);
    for (const comment of comments) {
      const entry = activity.find(
        (a) => a.kind === activityKinds.commentAdded && (a.to as { commentId: string }).commentId === comment.id,
      );
      expect(entry?.actorId).toBe(comment.authorId);
    }
  });

  it('has three weeks of moves back and forth, obstacles with categories, sprint hops and re-estimates', async () => {
    const db = database.prisma;
    const activity = await db.activity.findMany({ orderBy: { id: 'asc' } });
    const of = (kind: string) => activity.filter((a) => a.kind === kind);
    const flows = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'DONE'];
    const backwards = of(activityKinds.cardMoved).filter(
      (m) =>
        (m.from as { columnId: string }).columnId !== (m.to as { columnId: string }).columnId &&
        flows.indexOf((m.to as { flowCategory: string }).flowCategory) <=
          flows.indexOf((m.from as { flowCategory: string }).flowCategory),
    );
    expect(backwards.length).toBeGreaterThan(3);
    const categories = new Set(of(activityKinds.cardBlocked).map((b) => (b.to as { category: string }).category));
    expect(categories.size).toBeGreaterThanOrEqual(3);
    expect(of(activityKinds.cardUnblocked).length).toBeGreaterThan(2);
    const hops = of(activityKinds.cardSprintChanged).filter(
      (c) => (c.from as { sprintId: string | null }).sprintId && (c.to as { sprintId: string | null }).sprintId,
    );
    expect(hops.length).toBeGreaterThan(2);
    // A hop is stored under the new sprint and names the old one: both sprints see it.
    for (const hop of hops) expect(hop.sprintId).toBe((hop.to as { sprintId: string }).sprintId);
    expect(
      of(activityKinds.cardEstimateChanged).filter((e) => (e.from as { points: number | null }).points !== null).length,
    ).toBeGreaterThan(5);
    const closed = of(activityKinds.sprintClosed).map(
      (e) => e.to as { notDone: unknown[]; carriedOverTo: string | null },
    );
    expect(closed.some((c) => c.notDone.length > 0 && c.carriedOverTo)).toBe(true);
  });

  it('folds into a burndown that steps down and a cumulative flow that grows', async () => {
    const db = database.prisma;
    const sprint = await db.sprint.findFirstOrThrow({
      where: { state: 'CLOSED', team: { name: 'Content Marketing' } },
    });
    const activity = await db.activity.findMany({ where: { teamId: sprint.teamId, cardId: { not: null } } });
    const timelines = [...foldCardTimelines(activity).values()];
    const days = Array.from(
      { length: 15 },
      (_, d) => sprint.startDate.getTime() + d * 86_400_000 + 12 * 3_600_000,
    ).filter((t) => t <= sprint.endDate.getTime());
    const remaining = days.map((t) =>
      timelines.reduce((sum, tl) => {
        const state = cardStateAt(tl, t);
        return state.sprintId === sprint.id && state.column?.flowCategory !== 'DONE' ? sum + (state.points ?? 0) : sum;
      }, 0),
    );
    expect(remaining[0]).toBeGreaterThan(0);
    expect(new Set(remaining).size).toBeGreaterThan(3);
    expect(remaining.at(-1)!).toBeLessThan(remaining[0]!);
    // Cumulative flow: cards that have reached done grow over the three weeks, and work was in progress on most days.
    const start = Math.min(...activity.map((a) => a.at.getTime()));
    const weeks = [7, 14, 21].map((d) => start + d * 86_400_000);
    const doneBy = weeks.map(
      (t) => timelines.filter((tl) => tl.columns.some((c) => c.flowCategory === 'DONE' && c.from <= t)).length,
    );
    expect(doneBy[0]).toBeLessThan(doneBy[1]!);
    expect(doneBy[1]).toBeLessThan(doneBy[2]!);
  });

  it('does nothing the second time', async () => {
    const before = await database.prisma.card.count();
    expect(await seedDemoData(database.prisma)).toBe(false);
    expect(await database.prisma.card.count()).toBe(before);
  });
});
