import { randomUUID } from 'node:crypto';
import { spreadRanks } from '@amb/domain/ranks';
import { breachChange } from '@amb/domain/wip-breaches';
import { activityKinds, type BlockerCategory } from '@amb/shared/activity';
import type { Db, Prisma } from './prisma';
import { activityRows, type ActivityEntry } from '../services/activity/record-activity';
import { ensureDefaultPrinciples } from './seed-principles';
import { demoPeople, demoTeams, type DemoTeam } from './seed-demo-content';
import { hashPassword } from '../lib/passwords';
import { notifyFromNow } from '../services/notifications/fan-out';

export interface SeedOptions {
  onProgress?: (message: string) => void;
  /** The moment the history leads up to; defaults to now. */
  now?: Date;
  /** Every demo account's password; defaults to DEMO_PASSWORD. */
  password?: string;
}

export const DEMO_PASSWORD = 'demo-password-1';
const DAY = 24 * 60 * 60 * 1000;
/** Three weeks of work, after three days in which the teams filled their backlogs and planned the first sprint. */
const HISTORY_DAYS = 24;
const BACKLOG_DAYS = 3;

/** A small deterministic random generator, so every installation gets the same demo. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    some: <T>(items: readonly T[], max: number) =>
      [...items].sort(() => next() - 0.5).slice(0, Math.floor(next() * (max + 1))),
  };
}

type ActivityRow = ActivityEntry & { at: Date };
type ColumnRow = {
  id: string;
  name: string;
  flowCategory: 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE';
  wipLimit: number | null;
  wipPolicy: 'SOFT' | 'HARD';
};

/**
 * Fills an empty database with demo data: people in every role, three teams with boards, sprints, cards tagged
 * with principles, obstacles, cross-team links and three weeks of activity history so the charts have data.
 * Returns false, doing nothing, when any account exists.
 */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<boolean> {
  await ensureDefaultPrinciples(db);
  if ((await db.user.count()) > 0) return false;
  const progress = options.onProgress ?? (() => {});
  const now = options.now ?? new Date();
  const start = new Date(now.getTime() - HISTORY_DAYS * DAY);
  const random = randomFrom(20261124);
  progress('Loading demo data: people…');

  const passwordHash = await hashPassword(options.password ?? DEMO_PASSWORD);
  const people = new Map<string, string>();
  await db.user.createMany({
    data: demoPeople.map((p) => {
      const id = randomUUID();
      people.set(p.key, id);
      return { id, email: p.email, name: p.name, orgRole: p.orgRole, passwordHash, createdAt: start };
    }),
  });
  const principles = await db.principle.findMany({
    where: { archivedAt: null },
    orderBy: { position: 'asc' },
    select: { id: true },
  });

  const activity: ActivityRow[] = [];
  const cardIdsByTeam = new Map<
    string,
    { id: string; title: string; boardId: string; teamId: string; done: boolean }[]
  >();

  for (const team of demoTeams) {
    progress(`Loading demo data: ${team.name}…`);
    const cards = await seedTeam(db, team, {
      people,
      principles: principles.map((p) => p.id),
      random,
      now,
      start,
      activity,
    });
    cardIdsByTeam.set(team.key, cards);
  }

  progress('Loading demo data: links between teams and history…');
  const devCards = cardIdsByTeam.get('web')!;
  const links: Prisma.CardLinkCreateManyInput[] = [];
  for (const teamKey of ['content', 'growth']) {
    const marketing = cardIdsByTeam.get(teamKey)!.filter((c) => !c.done);
    for (let i = 0; i < 3; i++) {
      const from = marketing[i * 2]!;
      const to = devCards[i + (teamKey === 'growth' ? 3 : 0)]!;
      const linkId = randomUUID();
      links.push({
        id: linkId,
        fromCardId: from.id,
        toCardId: to.id,
        kind: 'DEPENDS_ON',
        createdById: people.get('maya'),
        createdAt: new Date(now.getTime() - (5 + i) * DAY),
      });
      const entry = {
        at: new Date(now.getTime() - (5 + i) * DAY),
        actorId: people.get('maya'),
        kind: activityKinds.linkAdded,
        to: { linkId, linkKind: 'DEPENDS_ON' as const, fromCardId: from.id, toCardId: to.id },
      };
      activity.push(
        { ...entry, teamId: from.teamId, boardId: from.boardId, cardId: from.id },
        { ...entry, teamId: to.teamId, boardId: to.boardId, cardId: to.id },
      );
    }
  }
  await db.cardLink.createMany({ data: links });
  await seedWaitingApproval(db, people, now, activity);
  await seedCampaign(db, people, cardIdsByTeam, now, activity);

  // Ids follow time, so the log reads in order and live catch-up starts after all of it.
  activity.sort((a, b) => a.at.getTime() - b.at.getTime());
  tagSprints(activity);
  for (let i = 0; i < activity.length; i += 1000)
    await db.activity.createMany({ data: activityRows(activity.slice(i, i + 1000)) });
  await notifyFromNow(db);
  progress(
    `Demo data loaded: ${demoTeams.length} teams, ${[...cardIdsByTeam.values()].reduce((n, c) => n + c.length, 0)} cards, ${activity.length} history entries.`,
  );
  return true;
}

/** A card in the content team's review waits on its brand check: Sam has approved, Maya has yet to answer. */
async function seedWaitingApproval(db: Db, people: Map<string, string>, now: Date, activity: ActivityRow[]) {
  const card = await db.card.findFirst({
    where: { archivedAt: null, column: { name: 'Review', board: { team: { slug: 'content-marketing' } } } },
    orderBy: { rank: 'asc' },
    select: { id: true, boardId: true, column: { select: { board: { select: { teamId: true } } } } },
  });
  if (!card) return;
  const [lee, sam, maya] = ['lee', 'sam', 'maya'].map((key) => people.get(key)!);
  const asked = new Date(now.getTime() - 2 * DAY - 3 * 3_600_000);
  const approved = new Date(now.getTime() - DAY);
  const request = await db.approvalRequest.create({
    data: {
      cardId: card.id,
      requestedById: lee,
      note: 'Brand check before it goes out',
      createdAt: asked,
      approvers: {
        create: [
          { userId: sam!, decision: 'APPROVED', comment: 'Tone is right', decidedAt: approved },
          { userId: maya! },
        ],
      },
    },
  });
  const subject = { teamId: card.column.board.teamId, boardId: card.boardId, cardId: card.id };
  activity.push(
    {
      ...subject,
      at: asked,
      actorId: lee,
      kind: activityKinds.approvalRequested,
      to: { approvalId: request.id, approverIds: [sam!, maya!], attachmentId: null, versionNumber: null },
    },
    {
      ...subject,
      at: approved,
      actorId: sam,
      kind: activityKinds.approvalDecided,
      to: { approvalId: request.id, decision: 'APPROVED', comment: 'Tone is right' },
    },
  );
}

interface TeamSeedContext {
  people: Map<string, string>;
  principles: string[];
  random: ReturnType<typeof randomFrom>;
  now: Date;
  start: Date;
  activity: ActivityRow[];
}

async function seedTeam(db: Db, team: DemoTeam, ctx: TeamSeedContext) {
  const { people, random, now, start, activity } = ctx;
  const person = (key: string) => people.get(key)!;
  const teamId = randomUUID();
  const boardId = randomUUID();
  await db.team.create({
    data: {
      id: teamId,
      name: team.name,
      slug: team.slug,
      kind: team.kind,
      createdAt: start,
      memberships: { create: team.members.map((m) => ({ userId: person(m.person), role: m.role, createdAt: start })) },
    },
  });
  const columns: ColumnRow[] = team.columns.map((c) => ({
    id: randomUUID(),
    name: c.name,
    flowCategory: c.flowCategory,
    wipLimit: c.wipLimit ?? null,
    wipPolicy: c.wipPolicy ?? 'SOFT',
  }));
  const lanes = team.swimlanes.map((l, position) => ({
    id: randomUUID(),
    boardId,
    name: l.name,
    position,
    wipLimit: l.wipLimit ?? null,
    wipPolicy: l.wipPolicy ?? 'SOFT',
  }));
  await db.board.create({ data: { id: boardId, teamId, name: team.boardName, createdAt: start } });
  await db.column.createMany({ data: columns.map((c, position) => ({ ...c, boardId, position })) });
  if (lanes.length) await db.swimlane.createMany({ data: lanes });

  // Sprints: the previous one closed a week ago, the current one runs until a week from now.
  const sprintIds = { closed: randomUUID(), active: randomUUID() };
  const sprintStart = new Date(now.getTime() - 7 * DAY);
  if (team.sprints) {
    await db.sprint.createMany({
      data: [
        {
          id: sprintIds.closed,
          teamId,
          name: team.sprints.closedName,
          goal: team.sprints.closedGoal,
          startDate: new Date(now.getTime() - 21 * DAY),
          endDate: sprintStart,
          capacityPoints: team.sprints.capacity,
          state: 'CLOSED',
          startedAt: new Date(now.getTime() - 21 * DAY + 60_000),
          closedAt: sprintStart,
          createdAt: start,
        },
        {
          id: sprintIds.active,
          teamId,
          name: team.sprints.activeName,
          goal: team.sprints.activeGoal,
          startDate: sprintStart,
          endDate: new Date(now.getTime() + 7 * DAY),
          capacityPoints: team.sprints.capacity,
          state: 'ACTIVE',
          startedAt: new Date(sprintStart.getTime() + 60_000),
          createdAt: start,
        },
      ],
    });
  }

  const memberIds = team.members.filter((m) => m.role !== 'VIEWER').map((m) => person(m.person));
  const cards: Prisma.CardCreateManyInput[] = [];
  const owners: Prisma.CardOwnerCreateManyInput[] = [];
  const tags: Prisma.CardPrincipleCreateManyInput[] = [];
  const moves: { at: Date; cardId: string; from: ColumnRow; to: ColumnRow; swimlaneId: string | null }[] = [];
  const result: { id: string; title: string; boardId: string; teamId: string; done: boolean }[] = [];

  team.cards.forEach((spec, index) => {
    const id = randomUUID();
    const target = columns[spec.column]!;
    // The card walks the board from the backlog to its column, one step every day or so; about one in four that
    // got past the first in-progress column was sent back once (review found something) and came forward again.
    const path = columns.slice(0, spec.column + 1);
    const firstInProgress = columns.findIndex((c) => c.flowCategory === 'IN_PROGRESS');
    const sentBack =
      spec.column > firstInProgress + 1 &&
      columns[firstInProgress + 1]!.flowCategory === 'IN_PROGRESS' &&
      random.next() < 0.3;
    const steps = sentBack
      ? [...path.slice(0, firstInProgress + 2), path[firstInProgress]!, ...path.slice(firstInProgress + 1)]
      : path;
    // Most cards were written while the backlog was filled; the rest came up along the way.
    const day =
      random.next() < 0.7 ? random.int(0, BACKLOG_DAYS - 1) : random.int(BACKLOG_DAYS, HISTORY_DAYS - steps.length - 1);
    const createdAt = new Date(start.getTime() + day * DAY + random.int(8, 17) * 3600_000 + index * 60_000);
    let at = createdAt;
    const swimlaneId = spec.lane === undefined ? null : lanes[spec.lane]!.id;
    let startedAt: Date | null = null;
    let completedAt: Date | null = null;
    const remaining = now.getTime() - createdAt.getTime();
    const stepLength = Math.max(3600_000, Math.floor(remaining / (steps.length + 1)));
    for (let s = 1; s < steps.length; s++) {
      at = new Date(at.getTime() + Math.floor(stepLength * (0.4 + random.next() * 0.6)));
      moves.push({ at, cardId: id, from: steps[s - 1]!, to: steps[s]!, swimlaneId });
      if (steps[s]!.flowCategory === 'IN_PROGRESS' && !startedAt) startedAt = at;
      if (steps[s]!.flowCategory === 'DONE') completedAt = at;
    }
    const sprintId =
      !team.sprints || target.flowCategory === 'BACKLOG'
        ? null
        : completedAt && completedAt < sprintStart
          ? sprintIds.closed
          : sprintIds.active;
    const blockedSince = spec.blocked ? new Date(now.getTime() - spec.blocked.daysAgo * DAY) : null;
    const owner = random.pick(memberIds);
    const estimate = random.pick([1, 2, 3, 3, 5, 5, 8]);
    const cardOwners = random.next() < 0.3 ? [...new Set([owner, random.pick(memberIds)])] : [owner];
    const dueDate = random.next() < 0.4 ? new Date(now.getTime() + random.int(-3, 20) * DAY) : null;
    // Every third card due later on spans a few days (an event, a campaign push), so the calendar shows spans.
    const startDate =
      dueDate && dueDate.getTime() > now.getTime() + 3 * DAY && cards.length % 3 === 0
        ? new Date(dueDate.getTime() - (2 + (cards.length % 2)) * DAY)
        : null;
    cards.push({
      id,
      boardId,
      columnId: target.id,
      swimlaneId,
      sprintId,
      type: spec.experiment ? 'EXPERIMENT' : 'TASK',
      title: spec.title,
      description: spec.description ?? '',
      rank: '', // set below, per column
      estimate,
      startDate,
      dueDate,
      labels: random.some(team.labels, 2),
      blocked: Boolean(spec.blocked),
      blockedReason: spec.blocked?.reason ?? null,
      blockedSince,
      blockerCategory: spec.blocked?.category ?? null,
      hypothesis: spec.experiment?.hypothesis ?? null,
      metric: spec.experiment?.metric ?? null,
      experimentResult: spec.experiment?.result ?? null,
      createdById: owner,
      createdAt,
      updatedAt: blockedSince ?? at,
      startedAt,
      completedAt,
    });
    cardOwners.forEach((userId) => owners.push({ cardId: id, userId }));
    random.some(ctx.principles, 2).forEach((principleId) => tags.push({ cardId: id, principleId }));
    activity.push({
      at: createdAt,
      actorId: owner,
      teamId,
      boardId,
      cardId: id,
      kind: activityKinds.cardCreated,
      to: { columnId: columns[0]!.id, swimlaneId, flowCategory: columns[0]!.flowCategory, title: spec.title },
    });
    const scrumMaster = person(team.members[0]!.person);
    recordPlanning(
      { id, createdAt, completedAt, sprintId, estimate, owner, scrumMaster, blocked: spec.blocked, blockedSince },
      { ...ctx, teamId, boardId, sprintIds, sprintStart, closedStart: new Date(now.getTime() - 21 * DAY) },
    );
    result.push({ id, title: spec.title, boardId, teamId, done: target.flowCategory === 'DONE' });
  });

  // Ranks: evenly spread in each column, in the order the demo lists the cards.
  for (const column of columns) {
    const inColumn = cards.filter((c) => c.columnId === column.id);
    spreadRanks(inColumn.length).forEach((rank, i) => (inColumn[i]!.rank = rank));
  }
  await db.card.createMany({ data: cards });
  if (team.sprints)
    recordSprints(sprintIds, {
      at: { closedStart: new Date(now.getTime() - 21 * DAY), sprintStart },
      actorId: person(team.members[0]!.person),
      teamId,
      activity,
    });
  await db.cardOwner.createMany({ data: owners });
  await db.cardPrinciple.createMany({ data: tags });

  const breaches = recordMovesAndBreaches(moves, columns, cards, {
    teamId,
    boardId,
    activity,
    people: memberIds,
    random,
  });
  await db.wipBreach.createMany({ data: breaches });

  await seedConversation(db, team, cards, { people, random, now, activity, teamId, boardId });
  return result;
}

/**
 * Replays the moves in time order, writing card.moved entries and the soft-limit breaches they caused, as moves
 * through the API keep them (breachChange); returns the breach records.
 */
function recordMovesAndBreaches(
  moves: { at: Date; cardId: string; from: ColumnRow; to: ColumnRow; swimlaneId: string | null }[],
  columns: ColumnRow[],
  cards: Prisma.CardCreateManyInput[],
  ctx: {
    teamId: string;
    boardId: string;
    activity: ActivityRow[];
    people: string[];
    random: ReturnType<typeof randomFrom>;
  },
): Prisma.WipBreachCreateManyInput[] {
  const counts = new Map(columns.map((c) => [c.id, 0]));
  const events: { at: Date; apply: () => void }[] = [];
  for (const card of cards)
    events.push({
      at: card.createdAt as Date,
      apply: () => counts.set(columns[0]!.id, counts.get(columns[0]!.id)! + 1),
    });
  const breaches: Prisma.WipBreachCreateManyInput[] = [];
  const open = new Map<string, Prisma.WipBreachCreateManyInput>();
  const check = (column: ColumnRow, at: Date) => {
    if (column.wipLimit === null || column.wipPolicy !== 'SOFT') return;
    const count = counts.get(column.id)!;
    const payload = { scope: 'column' as const, id: column.id, name: column.name, limit: column.wipLimit, count };
    const breach = open.get(column.id) ?? null;
    const change = breachChange(count, column.wipLimit, breach);
    if (change === 'start') {
      const row = {
        boardId: ctx.boardId,
        columnId: column.id,
        limit: column.wipLimit,
        peakCount: count,
        startedAt: at,
        endedAt: null,
      };
      open.set(column.id, row);
      breaches.push(row);
      ctx.activity.push({
        at,
        teamId: ctx.teamId,
        boardId: ctx.boardId,
        kind: activityKinds.wipBreachStarted,
        to: payload,
      });
    } else if (change === 'peak') {
      breach!.peakCount = count;
    } else if (change === 'end') {
      breach!.endedAt = at;
      open.delete(column.id);
      ctx.activity.push({
        at,
        teamId: ctx.teamId,
        boardId: ctx.boardId,
        kind: activityKinds.wipBreachEnded,
        to: payload,
      });
    }
  };
  for (const move of moves) {
    events.push({
      at: move.at,
      apply: () => {
        counts.set(move.from.id, counts.get(move.from.id)! - 1);
        counts.set(move.to.id, counts.get(move.to.id)! + 1);
        ctx.activity.push({
          at: move.at,
          actorId: ctx.random.pick(ctx.people),
          teamId: ctx.teamId,
          boardId: ctx.boardId,
          cardId: move.cardId,
          kind: activityKinds.cardMoved,
          from: { columnId: move.from.id, swimlaneId: move.swimlaneId, flowCategory: move.from.flowCategory },
          to: { columnId: move.to.id, swimlaneId: move.swimlaneId, flowCategory: move.to.flowCategory },
        });
        check(move.from, move.at);
        check(move.to, move.at);
      },
    });
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime()).forEach((e) => e.apply());
  return breaches;
}

async function seedConversation(
  db: Db,
  team: DemoTeam,
  cards: Prisma.CardCreateManyInput[],
  ctx: {
    people: Map<string, string>;
    random: ReturnType<typeof randomFrom>;
    now: Date;
    activity: ActivityRow[];
    teamId: string;
    boardId: string;
  },
) {
  const members = team.members.filter((m) => m.role !== 'VIEWER').map((m) => ctx.people.get(m.person)!);
  const comments: Prisma.CommentCreateManyInput[] = [];
  cards.forEach((card, i) => {
    const lines = card.blocked
      ? [`Blocked: ${card.blockedReason} I've chased it twice.`, 'Raised it at stand-up; the scrum master is on it.']
      : i % 4 === 0
        ? [ctx.random.pick(team.comments)]
        : [];
    lines.forEach((body, j) => {
      const at = new Date(
        Math.max(
          (card.createdAt as Date).getTime() + 3600_000,
          ctx.now.getTime() - ((lines.length - j) * 86_400_000) / 2,
        ),
      );
      const commentId = randomUUID();
      const authorId = ctx.random.pick(members);
      comments.push({ id: commentId, cardId: card.id!, authorId, body, createdAt: at });
      ctx.activity.push({
        at,
        actorId: authorId,
        teamId: ctx.teamId,
        boardId: ctx.boardId,
        cardId: card.id,
        sprintId: card.sprintId,
        kind: activityKinds.commentAdded,
        to: { commentId },
      });
    });
  });
  await db.comment.createMany({ data: comments });
  for (const card of cards.filter((_, i) => i % 6 === 1)) {
    await db.checklist.create({
      data: {
        cardId: card.id!,
        title: 'Definition of done',
        position: 0,
        items: { create: team.checklist.map((text, position) => ({ text, position, done: ctx.random.next() < 0.5 })) },
      },
    });
  }
}

/** Each card entry names the sprint the card was in at that moment, as the API writes it (entries in time order). */
/** A running campaign with cards of the two marketing teams (some done), so the campaigns pages have something to show. */
async function seedCampaign(
  db: Db,
  people: Map<string, string>,
  cardsByTeam: Map<string, { id: string; boardId: string; teamId: string; done: boolean }[]>,
  now: Date,
  activity: ActivityRow[],
) {
  const day = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
  const fields = {
    name: 'Pro plan launch',
    goal: 'Two thousand sign-ups for the Pro plan by the end of the campaign',
    startDate: day(-14),
    endDate: day(30),
    ownerId: people.get('maya')!,
    colour: 'teal',
    status: 'RUNNING' as const,
  };
  const campaign = await db.campaign.create({ data: fields });
  const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  activity.push({
    at: at(120),
    actorId: fields.ownerId,
    kind: activityKinds.campaignCreated,
    to: {
      campaignId: campaign.id,
      ...fields,
      startDate: fields.startDate.toISOString().slice(0, 10),
      endDate: fields.endDate.toISOString().slice(0, 10),
    },
  });
  let minutes = 100;
  for (const [teamKey, actor] of [
    ['content', 'maya'],
    ['growth', 'gia'],
  ] as const) {
    const cards = cardsByTeam.get(teamKey)!;
    const chosen = [...cards.filter((c) => !c.done).slice(0, 3), ...cards.filter((c) => c.done).slice(0, 1)];
    await db.card.updateMany({ where: { id: { in: chosen.map((c) => c.id) } }, data: { campaignId: campaign.id } });
    for (const card of chosen)
      activity.push({
        at: at(minutes--),
        actorId: people.get(actor),
        teamId: card.teamId,
        boardId: card.boardId,
        cardId: card.id,
        kind: activityKinds.cardCampaignChanged,
        from: null,
        to: { campaignId: campaign.id, name: campaign.name },
      });
  }
}

function tagSprints(activity: ActivityRow[]) {
  const sprintOf = new Map<string, string | null>();
  for (const e of activity) {
    if (!e.cardId) continue;
    if (e.kind === activityKinds.cardSprintChanged) sprintOf.set(e.cardId, e.to.sprintId);
    else e.sprintId = sprintOf.get(e.cardId) ?? null;
  }
}

const obstacles: { reason: string; category: BlockerCategory }[] = [
  { reason: 'Legal is checking the claims in the copy.', category: 'legal_compliance' },
  { reason: 'Waiting for the brand team to approve the visuals.', category: 'creative_approval' },
  { reason: 'The agency has not delivered the edited video yet.', category: 'vendor' },
  { reason: 'The analytics export for last quarter is missing.', category: 'data' },
  { reason: 'Needs a change from Web Development first.', category: 'other_team' },
];

/**
 * A card's planning history: its first estimate (and, for some, a re-estimate), the sprints it was in (some were
 * carried over from the closed sprint into the active one, some joined a sprint after it started), and its
 * obstacles (the open one, and a past one on some finished cards).
 */
function recordPlanning(
  card: {
    id: string;
    createdAt: Date;
    completedAt: Date | null;
    sprintId: string | null;
    estimate: number;
    owner: string;
    scrumMaster: string;
    blocked?: { reason: string; category: BlockerCategory };
    blockedSince: Date | null;
  },
  ctx: TeamSeedContext & {
    teamId: string;
    boardId: string;
    sprintIds: { closed: string; active: string };
    sprintStart: Date;
    closedStart: Date;
  },
) {
  const { random, activity, now } = ctx;
  const base = { teamId: ctx.teamId, boardId: ctx.boardId, cardId: card.id };
  const later = (from: Date, minutes: number) =>
    new Date(Math.min(from.getTime() + minutes * 60_000, now.getTime() - 60_000));
  const reestimated = random.next() < 0.3;
  // A re-estimate moves one step on the scale (3 → 5, 5 → 3), as teams do once they know more.
  const scale = [1, 2, 3, 5, 8, 13];
  const step = scale.indexOf(card.estimate);
  const first = reestimated ? scale[step === 0 ? 1 : random.next() < 0.5 ? step - 1 : step + 1]! : card.estimate;
  const estimatedAt = later(card.createdAt, 30);
  activity.push({
    ...base,
    at: estimatedAt,
    actorId: card.owner,
    kind: activityKinds.cardEstimateChanged,
    from: { points: null },
    to: { points: first },
  });

  if (card.sprintId) {
    // Planned at the sprint's start when the card existed by then; otherwise added to the running sprint.
    const carriedOver =
      card.sprintId === ctx.sprintIds.active &&
      card.createdAt < new Date(ctx.sprintStart.getTime() - 2 * DAY) &&
      random.next() < 0.6;
    const firstSprint = carriedOver ? ctx.sprintIds.closed : card.sprintId;
    const sprintOpened = firstSprint === ctx.sprintIds.closed ? ctx.closedStart : ctx.sprintStart;
    const plannedAt =
      card.createdAt < sprintOpened ? new Date(sprintOpened.getTime() + 120_000) : later(card.createdAt, 60);
    activity.push({
      ...base,
      at: plannedAt,
      actorId: card.scrumMaster,
      sprintId: firstSprint,
      kind: activityKinds.cardSprintChanged,
      from: { sprintId: null },
      to: { sprintId: firstSprint },
    });
    if (carriedOver) {
      activity.push({
        ...base,
        at: new Date(ctx.sprintStart.getTime() + 30_000),
        actorId: card.scrumMaster,
        sprintId: card.sprintId,
        kind: activityKinds.cardSprintChanged,
        from: { sprintId: ctx.sprintIds.closed },
        to: { sprintId: card.sprintId },
      });
    }
  }

  if (reestimated) {
    const end = card.completedAt ?? now;
    const at = new Date(
      estimatedAt.getTime() + Math.floor((end.getTime() - estimatedAt.getTime()) * (0.3 + random.next() * 0.4)),
    );
    activity.push({
      ...base,
      at,
      actorId: card.owner,
      kind: activityKinds.cardEstimateChanged,
      from: { points: first },
      to: { points: card.estimate },
    });
  }
  if (card.blocked && card.blockedSince) {
    activity.push({
      ...base,
      at: card.blockedSince,
      actorId: card.owner,
      kind: activityKinds.cardBlocked,
      to: { reason: card.blocked.reason, category: card.blocked.category },
    });
  } else if (card.completedAt && random.next() < 0.3) {
    // A past obstacle, cleared before the card was finished.
    const span = card.completedAt.getTime() - card.createdAt.getTime();
    const blockedAt = new Date(card.createdAt.getTime() + Math.floor(span * 0.3));
    const clearedAt = new Date(blockedAt.getTime() + Math.floor(span * (0.1 + random.next() * 0.3)));
    const obstacle = random.pick(obstacles);
    activity.push({ ...base, at: blockedAt, actorId: card.owner, kind: activityKinds.cardBlocked, to: obstacle });
    activity.push({ ...base, at: clearedAt, actorId: card.owner, kind: activityKinds.cardUnblocked, from: obstacle });
  }
}

/**
 * The sprints' start and close entries, from the cards' sprint changes: the scope each committed to at its start,
 * what the closed one finished, and what it carried over into the active one.
 */
function recordSprints(
  sprintIds: { closed: string; active: string },
  ctx: { at: { closedStart: Date; sprintStart: Date }; actorId: string; teamId: string; activity: ActivityRow[] },
) {
  const changes = ctx.activity.filter(
    (a) => a.teamId === ctx.teamId && a.kind === activityKinds.cardSprintChanged,
  ) as Extract<ActivityRow, { kind: 'card.sprint.changed' }>[];
  const points = new Map<string, number>();
  for (const e of ctx.activity)
    if (e.teamId === ctx.teamId && e.kind === activityKinds.cardEstimateChanged && e.to.points !== null)
      points.set(e.cardId!, e.to.points);
  const entry = (cardId: string) => ({ cardId, points: points.get(cardId) ?? null });
  const sum = (items: { points: number | null }[]) => items.reduce((n, c) => n + (c.points ?? 0), 0);
  const committed = (sprintId: string, start: Date) =>
    changes
      .filter(
        (c) => c.to.sprintId === sprintId && c.from.sprintId === null && c.at.getTime() <= start.getTime() + 120_000,
      )
      .map((c) => entry(c.cardId!));
  const inClosed = changes.filter((c) => c.to.sprintId === sprintIds.closed).map((c) => c.cardId!);
  const carried = changes
    .filter((c) => c.from.sprintId === sprintIds.closed && c.to.sprintId === sprintIds.active)
    .map((c) => c.cardId!);
  const done = inClosed.filter((id) => !carried.includes(id)).map(entry);
  const notDone = carried.map(entry);
  const base = { actorId: ctx.actorId, teamId: ctx.teamId };
  const closedScope = committed(sprintIds.closed, ctx.at.closedStart);
  ctx.activity.push({
    ...base,
    at: ctx.at.closedStart,
    sprintId: sprintIds.closed,
    kind: activityKinds.sprintStarted,
    to: { committed: closedScope, points: sum(closedScope) },
  });
  ctx.activity.push({
    ...base,
    at: ctx.at.sprintStart,
    sprintId: sprintIds.closed,
    kind: activityKinds.sprintClosed,
    to: {
      done,
      notDone,
      donePoints: sum(done),
      notDonePoints: sum(notDone),
      goalMet: sum(done) >= sum(notDone),
      carriedOverTo: notDone.length ? sprintIds.active : null,
    },
  });
  const activeScope = committed(sprintIds.active, ctx.at.sprintStart).concat(notDone);
  ctx.activity.push({
    ...base,
    at: new Date(ctx.at.sprintStart.getTime() + 60_000),
    sprintId: sprintIds.active,
    kind: activityKinds.sprintStarted,
    to: { committed: activeScope, points: sum(activeScope) },
  });
}
