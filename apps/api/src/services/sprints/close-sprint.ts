import { activityKinds } from '@amb/shared/activity';
import type { CloseReport, CloseSprintBody, SprintSummary } from '@amb/shared/sprints';
import { closeSprintBodySchema } from '@amb/shared/sprints';
import { invalidField } from '../../lib/app-error';
import { recordActivity, type ActivityEntry } from '../activity/record-activity';
import type { ServiceContext } from '../context';
import { toSprintSummary } from './list-sprints';
import { loadSprintFor, notActive } from './sprint-access';
import { sprintPoints } from './sprint-points';

/**
 * Closes the active sprint: done cards stay in it, each unfinished card is carried over to a planned sprint or
 * returned to the backlog, and the report (done, carried over, returned, goal met) is kept with the sprint.
 * All of it is written in one transaction, or nothing is.
 */
export async function closeSprint(
  { db, actor }: ServiceContext,
  sprintId: string,
  input: CloseSprintBody,
): Promise<SprintSummary> {
  const body = closeSprintBodySchema.parse(input);
  const sprint = await loadSprintFor(db, actor, sprintId, 'manage-sprints');
  if (sprint.state !== 'ACTIVE')
    throw notActive(
      sprint.state === 'PLANNED'
        ? 'Only an active sprint can be closed; this one has not started'
        : 'This sprint is already closed',
    );
  const carrying = body.unfinished.some((u) => u.outcome === 'carry-over');
  if (carrying && !body.carryOverSprintId)
    throw invalidField('body.carryOverSprintId', 'is required to carry cards over: name the next sprint');
  if (body.carryOverSprintId) {
    const next = await db.sprint.findFirst({
      where: { id: body.carryOverSprintId, teamId: sprint.teamId },
      select: { state: true },
    });
    if (!next || body.carryOverSprintId === sprintId)
      throw invalidField('body.carryOverSprintId', 'must be another sprint of the same team');
    if (next.state !== 'PLANNED')
      throw invalidField(
        'body.carryOverSprintId',
        next.state === 'CLOSED' ? 'must not be a closed sprint' : 'must be a planned sprint',
      );
  }

  const result = await db.$transaction(async (tx) => {
    // Holding the sprint's row, a second close waits here and then finds the sprint closed.
    const [locked] = await tx.$queryRaw<
      { state: string }[]
    >`SELECT state::text FROM sprints WHERE id = ${sprintId} FOR UPDATE`;
    if (locked?.state !== 'ACTIVE') throw notActive('This sprint was closed a moment ago');
    if (body.carryOverSprintId) {
      const [next] = await tx.$queryRaw<
        { state: string }[]
      >`SELECT state::text FROM sprints WHERE id = ${body.carryOverSprintId} FOR UPDATE`;
      if (next?.state !== 'PLANNED') throw invalidField('body.carryOverSprintId', 'must be a planned sprint');
    }
    const cards = await tx.card.findMany({
      where: { sprintId, archivedAt: null },
      select: { id: true, title: true, estimate: true, boardId: true, column: { select: { flowCategory: true } } },
    });
    const unfinished = new Map(cards.filter((c) => c.column.flowCategory !== 'DONE').map((c) => [c.id, c]));
    const choice = new Map<string, 'carry-over' | 'backlog'>();
    for (const [i, u] of body.unfinished.entries()) {
      if (!unfinished.has(u.cardId))
        throw invalidField(`body.unfinished.${i}.cardId`, 'must be an unfinished card of this sprint');
      choice.set(u.cardId, u.outcome);
    }
    const view = (c: (typeof cards)[number]) => ({ id: c.id, title: c.title, points: c.estimate ?? 0 });
    const report: CloseReport = {
      done: cards.filter((c) => !unfinished.has(c.id)).map(view),
      carriedOver: [...unfinished.values()].filter((c) => choice.get(c.id) === 'carry-over').map(view),
      returnedToBacklog: [...unfinished.values()].filter((c) => choice.get(c.id) !== 'carry-over').map(view),
      carryOverSprintId: body.carryOverSprintId,
    };
    const completedPoints = report.done.reduce((sum, c) => sum + c.points, 0);
    const now = new Date();
    const history: ActivityEntry[] = [];
    const moveCards = async (ids: string[], to: string | null) => {
      if (!ids.length) return;
      await tx.card.updateMany({ where: { id: { in: ids } }, data: { sprintId: to, version: { increment: 1 } } });
      for (const id of ids) {
        history.push({
          actorId: actor.id,
          teamId: sprint.teamId,
          boardId: unfinished.get(id)!.boardId,
          cardId: id,
          sprintId: to,
          kind: activityKinds.cardSprintChanged,
          from: { sprintId },
          to: { sprintId: to },
          at: now,
        });
      }
    };
    await moveCards(
      report.carriedOver.map((c) => c.id),
      body.carryOverSprintId,
    );
    await moveCards(
      report.returnedToBacklog.map((c) => c.id),
      null,
    );
    const closed = await tx.sprint.update({
      where: { id: sprintId },
      data: { state: 'CLOSED', closedAt: now, completedPoints, goalMet: body.goalMet, closeReport: report },
    });
    const notDone = [...report.carriedOver, ...report.returnedToBacklog];
    const entry = (c: { id: string; points: number }) => ({ cardId: c.id, points: c.points });
    history.push({
      actorId: actor.id,
      teamId: sprint.teamId,
      sprintId,
      kind: activityKinds.sprintClosed,
      at: now,
      to: {
        done: report.done.map(entry),
        notDone: notDone.map(entry),
        donePoints: completedPoints,
        notDonePoints: notDone.reduce((s, c) => s + c.points, 0),
        goalMet: body.goalMet,
        carriedOverTo: report.carriedOver.length ? body.carryOverSprintId : null,
      },
    });
    await recordActivity(tx, ...history);
    return closed;
  });
  return toSprintSummary(result, (await sprintPoints(db, [sprintId])).get(sprintId));
}
