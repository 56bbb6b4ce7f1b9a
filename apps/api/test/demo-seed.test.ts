import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds } from '@amb/shared/activity';
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
    const maya = await db.user.findUniqueOrThrow({ where: { email: 'maya@demo.test' }, include: { memberships: { include: { team: true } } } });
    expect(maya.memberships.find((m) => m.team.name === 'Content Marketing')?.role).toBe('SCRUM_MASTER');
    expect(await db.membership.count({ where: { role: 'VIEWER' } })).toBeGreaterThan(0);
    expect(await db.sprint.count({ where: { state: 'ACTIVE' } })).toBe(2);
    expect(await db.card.count({ where: { sprint: { state: 'ACTIVE' } } })).toBeGreaterThan(5);
  });

  it('has obstacles, experiments, principle tags, cross-team links and hard and soft limits', async () => {
    const db = database.prisma;
    expect(await db.card.count({ where: { blocked: true, blockedReason: { not: null }, blockedSince: { not: null } } })).toBeGreaterThanOrEqual(3);
    expect(await db.card.count({ where: { type: 'EXPERIMENT', hypothesis: { not: null } } })).toBeGreaterThanOrEqual(3);
    expect(await db.cardPrinciple.count()).toBeGreaterThan(20);
    const links = await db.cardLink.findMany({ include: { fromCard: { include: { board: { include: { team: true } } } }, toCard: { include: { board: { include: { team: true } } } } } });
    expect(links.some((l) => l.fromCard.board.team.kind === 'MARKETING' && l.toCard.board.team.kind === 'DEVELOPMENT')).toBe(true);
    expect(await db.column.count({ where: { wipPolicy: 'HARD', wipLimit: { not: null } } })).toBeGreaterThan(0);
    // Hard limits hold in the demo; at least one soft limit is breached, with its breach open.
    for (const column of await db.column.findMany({ where: { wipLimit: { not: null } }, include: { _count: { select: { cards: true } } } })) {
      if (column.wipPolicy === 'HARD') expect(column._count.cards).toBeLessThanOrEqual(column.wipLimit!);
    }
    expect(await db.wipBreach.count({ where: { endedAt: null } })).toBeGreaterThan(0);
  });

  it('keeps ranks unique per column and history consistent with where the cards are', async () => {
    const db = database.prisma;
    const cards = await db.card.findMany({ include: { column: true } });
    const ranks = new Set(cards.map((c) => `${c.columnId}/${c.rank}`));
    expect(ranks.size).toBe(cards.length);
    const activity = await db.activity.findMany({ orderBy: { id: 'asc' } });
    const days = (activity.at(-1)!.at.getTime() - activity[0]!.at.getTime()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(20);
    for (let i = 1; i < activity.length; i++) expect(activity[i]!.at.getTime()).toBeGreaterThanOrEqual(activity[i - 1]!.at.getTime());
    for (const card of cards) {
      const moves = activity.filter((a) => a.cardId === card.id && a.kind === activityKinds.cardMoved);
      const last = moves.at(-1);
      const where = last ? (last.to as { columnId: string }).columnId : (activity.find((a) => a.cardId === card.id && a.kind === activityKinds.cardCreated)!.to as { columnId: string }).columnId;
      expect(where).toBe(card.columnId);
      if (card.column.flowCategory === 'DONE') expect(card.completedAt).not.toBeNull();
    }
  });

  it('does nothing the second time', async () => {
    const before = await database.prisma.card.count();
    expect(await seedDemoData(database.prisma)).toBe(false);
    expect(await database.prisma.card.count()).toBe(before);
  });
});
