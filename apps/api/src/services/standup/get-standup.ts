import { approvalStanding } from '@amb/domain/approvals';
import { countsTowardSwimlaneLimit, type FlowCategory } from '@amb/domain/wip';
import {
  agingCards,
  checkStandupWindow,
  daysInColumn,
  DEFAULT_AGING_DAYS,
  lastStandupWindow,
} from '@amb/domain/standup';
import { activityKinds, type BlockerCategory } from '@amb/shared/activity';
import type { Standup, StandupQuery } from '@amb/shared/standup';
import { invalidField } from '../../lib/app-error';
import { requireTeamAccess } from '../access/team-access';
import { activityNames } from '../activity/activity-names';
import type { ServiceContext } from '../context';
import { pmoHandlingSelect, toPmoHandling } from '../obstacles/pmo-handling';

/** What the stand-up talks about: the card's work, not its rank in a list. */
const changeKinds: string[] = [
  activityKinds.cardCreated,
  activityKinds.cardMoved,
  activityKinds.cardUpdated,
  activityKinds.cardEstimateChanged,
  activityKinds.cardSprintChanged,
  activityKinds.cardBlocked,
  activityKinds.cardUnblocked,
  activityKinds.cardEscalated,
  activityKinds.cardEscalationCleared,
  activityKinds.cardEscalationHandling,
  activityKinds.cardEscalationResolved,
  activityKinds.cardArchived,
  activityKinds.cardRestored,
  activityKinds.commentAdded,
  activityKinds.checklistItemUpdated,
];
/** Entries that put a card into the column it is in now. */
const placingKinds: string[] = [activityKinds.cardCreated, activityKinds.cardMoved, activityKinds.cardRestored];
/** A stand-up reads a day or two; a window this busy is cut at its newest entries. */
const MAX_ENTRIES = 2000;
/** Cards in these stages do not age: the backlog waits by design, done is done. */
const restingStages: FlowCategory[] = ['BACKLOG', 'DONE'];

function pickWindow(query: StandupQuery, team: { standupTime: string; timeZone: string }, now: number) {
  const until = query.until ? Date.parse(query.until) : now;
  const since = query.since ? Date.parse(query.since) : lastStandupWindow(until, team.standupTime, team.timeZone).since;
  const problem = checkStandupWindow(since, until);
  if (problem === 'since_after_until') throw invalidField('querystring.since', 'must be before until');
  if (problem === 'window_too_long') throw invalidField('querystring.since', 'must be at most 31 days before until');
  return { since, until };
}

/** The team's stand-up: obstacles, aging cards, each person's changes in the window, WIP breaches, the active sprint. */
export async function getStandup({ db, actor }: ServiceContext, teamId: string, query: StandupQuery): Promise<Standup> {
  await requireTeamAccess(db, actor, teamId, 'view');
  const now = Date.now();
  const team = await db.team.findUniqueOrThrow({
    where: { id: teamId },
    select: {
      name: true,
      timeZone: true,
      standupTime: true,
      memberships: { where: { role: { not: 'VIEWER' } }, select: { user: { select: { id: true, name: true } } } },
      boards: {
        where: { archivedAt: null },
        select: { id: true, columns: { orderBy: { position: 'asc' } }, swimlanes: { orderBy: { position: 'asc' } } },
      },
      sprints: { where: { state: 'ACTIVE' }, select: { id: true }, take: 1 },
    },
  });
  const { since, until } = pickWindow(query, team, now);

  const columns = new Map(team.boards.flatMap((b) => b.columns.map((c) => [c.id, c])));
  const cards = await db.card.findMany({
    where: { boardId: { in: team.boards.map((b) => b.id) }, archivedAt: null },
    select: {
      id: true,
      title: true,
      boardId: true,
      columnId: true,
      swimlaneId: true,
      createdAt: true,
      version: true,
      blocked: true,
      blockedReason: true,
      blockedSince: true,
      blockerCategory: true,
      ...pmoHandlingSelect,
      owners: { select: { userId: true }, orderBy: { userId: 'asc' } },
      approval: {
        select: {
          createdAt: true,
          attachment: { select: { name: true } },
          approvers: {
            select: { decision: true, user: { select: { id: true, name: true } } },
            orderBy: { user: { name: 'asc' } },
          },
        },
      },
    },
    orderBy: { id: 'asc' },
  });

  // When each card entered its column: the newest entry that placed it there (its creation, when none says otherwise).
  const placings = await db.activity.findMany({
    where: { cardId: { in: cards.map((c) => c.id) }, kind: { in: placingKinds } },
    select: { cardId: true, at: true },
    orderBy: { id: 'desc' },
  });
  const entered = new Map<string, number>();
  for (const p of placings) if (p.cardId && !entered.has(p.cardId)) entered.set(p.cardId, p.at.getTime());

  const ref = (c: (typeof cards)[number]) => ({
    cardId: c.id,
    title: c.title,
    boardId: c.boardId,
    columnId: c.columnId,
    columnName: columns.get(c.columnId)?.name ?? '',
    ownerIds: c.owners.map((o) => o.userId),
  });

  const blocked = cards
    .filter((c) => c.blocked)
    .sort((a, b) => (a.blockedSince?.getTime() ?? 0) - (b.blockedSince?.getTime() ?? 0))
    .map((c) => ({
      ...ref(c),
      reason: c.blockedReason,
      category: c.blockerCategory as BlockerCategory | null,
      blockedSince: c.blockedSince?.toISOString() ?? null,
      blockedDays: c.blockedSince ? daysInColumn(c.blockedSince.getTime(), now) : 0,
      escalatedAt: c.escalatedAt?.toISOString() ?? null,
      pmo: toPmoHandling(c),
      version: c.version,
    }));

  const working = cards
    .filter((c) => !restingStages.includes(columns.get(c.columnId)!.flowCategory as FlowCategory))
    .map((c) => ({
      card: c,
      id: c.id,
      enteredColumnAt: entered.get(c.id) ?? c.createdAt.getTime(),
      agingDays: columns.get(c.columnId)?.agingDays ?? DEFAULT_AGING_DAYS,
    }));
  const aging = agingCards(working, now).map((w) => ({
    ...ref(w.card),
    enteredColumnAt: new Date(w.enteredColumnAt).toISOString(),
    daysInColumn: daysInColumn(w.enteredColumnAt, now),
    thresholdDays: w.agingDays,
    blocked: w.card.blocked,
  }));

  const approvals = cards
    .flatMap((c) => {
      const request = c.approval;
      if (!request) return [];
      const standing = approvalStanding(request.approvers.map((a) => a.decision));
      if (standing.state === 'approved') return [];
      return [
        {
          ...ref(c),
          attachmentName: request.attachment?.name ?? null,
          requestedAt: request.createdAt.toISOString(),
          waitingDays: daysInColumn(request.createdAt.getTime(), now),
          state: standing.state,
          approved: standing.approved,
          of: standing.of,
          waitingOn: request.approvers
            .filter((a) => a.decision === 'PENDING')
            .map((a) => ({ userId: a.user.id, name: a.user.name })),
        },
      ];
    })
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));

  const wipBreaches: Standup['wipBreaches'] = [];
  for (const board of team.boards) {
    const onBoard = cards.filter((c) => c.boardId === board.id);
    for (const column of board.columns) {
      const count = onBoard.filter((c) => c.columnId === column.id).length;
      if (column.wipLimit !== null && count > column.wipLimit)
        wipBreaches.push({
          boardId: board.id,
          scope: 'column',
          id: column.id,
          name: column.name,
          limit: column.wipLimit,
          count,
        });
    }
    for (const lane of board.swimlanes) {
      const count = onBoard.filter(
        (c) =>
          c.swimlaneId === lane.id && countsTowardSwimlaneLimit(columns.get(c.columnId)!.flowCategory as FlowCategory),
      ).length;
      if (lane.wipLimit !== null && count > lane.wipLimit)
        wipBreaches.push({
          boardId: board.id,
          scope: 'swimlane',
          id: lane.id,
          name: lane.name,
          limit: lane.wipLimit,
          count,
        });
    }
  }

  const entries = (
    await db.activity.findMany({
      where: { teamId, kind: { in: changeKinds }, at: { gte: new Date(since), lt: new Date(until) } },
      orderBy: { id: 'desc' },
      take: MAX_ENTRIES,
    })
  ).reverse();
  const byPerson = new Map<string | null, Standup['changes'][number]['entries']>();
  for (const e of entries) {
    const list = byPerson.get(e.actorId) ?? [];
    list.push({
      id: e.id.toString(),
      at: e.at.toISOString(),
      kind: e.kind,
      cardId: e.cardId,
      field: e.field,
      from: e.from,
      to: e.to,
    });
    byPerson.set(e.actorId, list);
  }

  const people = team.memberships
    .map((m) => ({ userId: m.user.id, name: m.user.name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  const names = await activityNames(db, [
    ...entries,
    { from: null, to: { cardIds: entries.map((e) => e.cardId), actors: entries.map((e) => e.actorId) } },
  ]);
  for (const p of people) names[p.userId] = p.name;
  for (const c of cards) names[c.id] ??= c.title;

  // Walking the board: from the column nearest done back to the first, as a team reads a Kanban board.
  const walk = team.boards.flatMap((b) =>
    b.columns
      .filter((c) => !restingStages.includes(c.flowCategory as FlowCategory))
      .reverse()
      .map((c) => ({
        id: c.id,
        name: c.name,
        boardId: b.id,
        cardCount: cards.filter((card) => card.columnId === c.id).length,
      })),
  );

  return {
    teamId,
    teamName: team.name,
    columns: walk,
    timeZone: team.timeZone,
    standupTime: team.standupTime,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    activeSprintId: team.sprints[0]?.id ?? null,
    people,
    blocked,
    aging,
    approvals,
    changes: [...byPerson].map(([userId, list]) => ({ userId, entries: list })),
    wipBreaches,
    names,
  };
}
