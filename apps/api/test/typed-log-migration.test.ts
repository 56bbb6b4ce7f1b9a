// The migration that typed the activity log, applied to the demo data as it was loaded before it (and to the
// entries the API wrote then): every entry comes out in the shape its kind says, or marked as not recoverable. That
// migration is now part of the baseline; an install made before it is upgraded through the baseline to today's
// schema here, as it would be, and its entries read as today's API reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityKinds, readActivityPayload } from '@amb/shared/activity';
import { migrate } from '../src/db/migrate';
import { seedDemoDataBeforeTypedLog } from './fixtures/seed-before-typed-log';
import { migrationsBeforeBaselineDir, olderMigrations } from './support/older-migrations';
import { createTestDatabase, type TestDatabase } from './support/test-database';

const TYPED_LOG = '20261126065402_typed_activity_log';

describe('the typed activity log migration, on the demo data of before', () => {
  let database: TestDatabase;
  let before: { id: bigint; kind: string; field: string | null }[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase({ migrationsDir: olderMigrations((name) => name < TYPED_LOG) });
    const db = database.prisma;
    await seedDemoDataBeforeTypedLog(db);

    // What the API of that time wrote besides the demo data, in its shapes.
    // (The client knows today's columns, so reads name the old ones they need.)
    const card = await db.card.findFirstOrThrow({
      where: { blocked: false, column: { flowCategory: 'IN_PROGRESS' } },
      select: { id: true, columnId: true, boardId: true, board: { select: { teamId: true } } },
    });
    const other = await db.card.findFirstOrThrow({ where: { id: { not: card.id } }, select: { id: true } });
    const maya = await db.user.findUniqueOrThrow({ where: { email: 'maya@demo.test' }, select: { id: true } });
    const principle = await db.principle.findFirstOrThrow({ select: { id: true } });
    Object.assign(ids, {
      card: card.id,
      column: card.columnId,
      other: other.id,
      maya: maya.id,
      principle: principle.id,
      team: card.board.teamId,
      board: card.boardId,
    });
    const at = new Date();
    const old = (
      kind: string,
      field: string | null,
      from: unknown,
      to: unknown,
      extra: { at?: Date; cardId?: string | null } = {},
    ) =>
      db.$executeRaw`INSERT INTO activity (at, actor_id, team_id, board_id, card_id, kind, field, "from", "to")
        VALUES (${extra.at ?? at}, ${maya.id}, ${card.board.teamId}, ${card.boardId}, ${extra.cardId === undefined ? card.id : extra.cardId}, ${kind}, ${field},
          ${from === undefined ? null : JSON.stringify(from)}::jsonb, ${to === undefined ? null : JSON.stringify(to)}::jsonb)`;
    const blockedAt = new Date(at.getTime() - 60_000);
    await old('card.updated', 'rank', 'h', 'k');
    await old('card.updated', 'estimate', 3, 5);
    await old('card.updated', 'title', 'Old title', 'New title');
    await old('card.updated', 'blocked', false, true, { at: blockedAt });
    await old('card.updated', 'blockedReason', null, 'Legal has not approved the pricing claims', { at: blockedAt });
    await old('card.updated', 'colour', 'red', 'blue');
    await old('card.archived', null, { columnId: card.columnId }, undefined);
    await old('checklist.changed', null, undefined, { checklist: 'Definition of done', added: true });
    await old('checklist.changed', null, undefined, { item: 'Proofread', done: true });
    await old('link.removed', null, { kind: 'RELATES', to: other.id }, undefined);
    await old(
      'column.updated',
      null,
      { id: card.columnId, name: 'Doing' },
      { name: 'In progress', wipLimit: 4 },
      { cardId: null },
    );
    await old('team.member.set', maya.id, { role: 'MEMBER' }, { role: 'SCRUM_MASTER' }, { cardId: null });
    await old('team.member.removed', maya.id, undefined, undefined, { cardId: null });
    await old('user.org-role.changed', maya.id, 'NONE', 'PMO', { cardId: null });
    await old('principle.updated', principle.id, { name: 'Old' }, { name: 'New' }, { cardId: null });
    before = await db.activity.findMany({ select: { id: true, kind: true, field: true }, orderBy: { id: 'asc' } });

    await migrate(database.url, migrationsBeforeBaselineDir);
    await migrate(database.url);
  }, 120_000);
  afterAll(() => database.drop());

  const entries = () => database.prisma.activity.findMany({ orderBy: { id: 'asc' } });

  it('brings every entry to the shape of its kind, or marks it as not recoverable', async () => {
    const after = await entries();
    const unreadable = after.filter((e) => !readActivityPayload(e));
    expect(unreadable.map((e) => `${e.kind} ${e.field} ${JSON.stringify(e.from)} ${JSON.stringify(e.to)}`)).toEqual([]);
    // Only the reason of a blocking, folded into the blocking itself, is gone.
    expect(after.length).toBe(before.length - 1);
    // Unknown fields, and sprint starts and closes that did not say their scope, are kept and marked.
    const legacy = after.filter((e) => e.kind === activityKinds.legacyEntry).map((e) => e.field);
    expect(new Set(legacy)).toEqual(new Set(['card.updated:colour', 'sprint.started', 'sprint.closed']));
  });

  it('keeps the demo data’s moves, and gives its comments, sprint changes and blockings their new shapes', async () => {
    const after = await entries();
    expect(after.filter((e) => e.kind === activityKinds.cardMoved).length).toBe(
      before.filter((e) => e.kind === 'card.moved').length,
    );
    expect(after.filter((e) => e.kind === activityKinds.cardMoved).every((e) => e.field === null)).toBe(true);
    const comments = after.filter((e) => e.kind === activityKinds.commentAdded);
    expect(comments.length).toBeGreaterThan(5);
    const commentIds = new Set((await database.prisma.comment.findMany({ select: { id: true } })).map((c) => c.id));
    for (const c of comments) expect(commentIds.has((c.to as { commentId: string }).commentId)).toBe(true);
    const sprintChanges = after.filter((e) => e.kind === activityKinds.cardSprintChanged);
    expect(sprintChanges.length).toBe(before.filter((e) => e.kind === 'card.updated' && e.field === 'sprintId').length);
    for (const s of sprintChanges) expect(s.sprintId).toBe((s.to as { sprintId: string }).sprintId);
    // The demo's blockings had no reason of their own: the card's reason is the best that is known.
    const demoBlocks = after.filter((e) => e.kind === activityKinds.cardBlocked && e.cardId !== ids.card);
    expect(demoBlocks.length).toBeGreaterThanOrEqual(3);
    for (const b of demoBlocks) expect((b.to as { reason: string | null }).reason).toBeTruthy();
    // The demo's sprint starts and closes said nothing of their scope: kept, marked, one of each per sprint.
    expect(after.filter((e) => e.kind === activityKinds.legacyEntry && e.field?.startsWith('sprint.')).length).toBe(
      before.filter((e) => e.kind.startsWith('sprint.')).length,
    );
  });

  it('rewrites what the API wrote then', async () => {
    const mine = (await entries()).filter(
      (e) => e.cardId === ids.card && !['card.created', 'card.moved', 'comment.added'].includes(e.kind),
    );
    const find = (kind: string) => mine.find((e) => e.kind === kind);
    expect(find(activityKinds.cardReordered)).toMatchObject({ field: null, from: { rank: 'h' }, to: { rank: 'k' } });
    expect(find(activityKinds.cardEstimateChanged)).toMatchObject({ from: { points: 3 }, to: { points: 5 } });
    expect(find(activityKinds.cardUpdated)).toMatchObject({ field: 'title', from: 'Old title', to: 'New title' });
    expect(find(activityKinds.cardBlocked)).toMatchObject({
      to: { reason: 'Legal has not approved the pricing claims', category: null },
    });
    expect(find(activityKinds.cardArchived)).toMatchObject({
      from: { columnId: ids.column, flowCategory: 'IN_PROGRESS' },
    });
    expect(find(activityKinds.checklistAdded)).toMatchObject({ to: { title: 'Definition of done' } });
    expect(find(activityKinds.checklistItemUpdated)).toMatchObject({
      from: { text: 'Proofread', done: false },
      to: { text: 'Proofread', done: true },
    });
    expect(find(activityKinds.linkRemoved)).toMatchObject({
      from: { linkKind: 'RELATES', fromCardId: ids.card, toCardId: ids.other },
    });
    const teamWide = (await entries()).filter((e) => e.cardId === null && e.actorId === ids.maya);
    const kind = (k: string) => teamWide.find((e) => e.kind === k);
    expect(kind(activityKinds.columnUpdated)).toMatchObject({
      from: { columnId: ids.column, name: 'Doing' },
      to: { columnId: ids.column, name: 'In progress', wipLimit: 4 },
    });
    expect(kind(activityKinds.memberRoleChanged)).toMatchObject({
      field: null,
      from: { userId: ids.maya, role: 'MEMBER' },
      to: { userId: ids.maya, role: 'SCRUM_MASTER' },
    });
    expect(kind(activityKinds.memberRemoved)).toMatchObject({ from: { userId: ids.maya, role: null } });
    expect(kind(activityKinds.orgRoleChanged)).toMatchObject({
      from: { userId: ids.maya, orgRole: 'NONE' },
      to: { userId: ids.maya, orgRole: 'PMO' },
    });
    expect(kind(activityKinds.principleUpdated)).toMatchObject({
      from: { principleId: ids.principle, name: 'Old' },
      to: { principleId: ids.principle, name: 'New' },
    });
  });

  it('numbers the old entries by their ids, and new ones after them', async () => {
    const db = database.prisma;
    const numbered = await db.activityCommit.findMany({ orderBy: { seq: 'asc' } });
    const after = await entries();
    expect(numbered.map((n) => n.seq)).toEqual(after.map((e) => e.id));
    expect(numbered.every((n) => n.seq === n.activityId)).toBe(true);
    await db.activity.create({
      data: { kind: activityKinds.columnReranked, boardId: ids.board, to: { columnId: ids.column } },
    });
    const last = await db.activityCommit.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    expect(last.seq).toBeGreaterThan(numbered.at(-1)!.seq);
  });
});
