import { describe, expect, it } from 'vitest';
import type { FlowCategory } from './card-timeline';
import {
  cardStateAt,
  firstEntered,
  foldCardTimeline,
  foldCardTimelines,
  type TimelineEntry,
} from './fold-card-timeline';

const H = 3_600_000;
const t0 = Date.UTC(2026, 10, 2, 9);
const at = (hours: number) => t0 + hours * H;
const place = (columnId: string, flowCategory: FlowCategory, swimlaneId: string | null = null) => ({
  columnId,
  swimlaneId,
  flowCategory,
});
const backlog = place('backlog', 'BACKLOG');
const todo = place('todo', 'TODO');
const doing = place('doing', 'IN_PROGRESS');
const review = place('review', 'IN_PROGRESS');
const done = place('done', 'DONE');

const created = (hours: number, where = backlog): TimelineEntry => ({
  kind: 'card.created',
  at: at(hours),
  to: { ...where, title: 'Spring launch' },
});
const moved = (hours: number, from: object, to: object): TimelineEntry => ({
  kind: 'card.moved',
  at: at(hours),
  from,
  to,
});

describe('foldCardTimeline', () => {
  it('turns moves back and forth into column intervals without gaps', () => {
    const timeline = foldCardTimeline('c1', [
      created(0),
      moved(2, backlog, doing),
      moved(5, doing, review),
      moved(6, review, doing),
      moved(9, doing, done),
    ]);
    expect(timeline.createdAt).toBe(at(0));
    expect(
      timeline.columns.map((c) => [
        c.columnId,
        c.flowCategory,
        (c.from - t0) / H,
        c.to === null ? null : (c.to - t0) / H,
      ]),
    ).toEqual([
      ['backlog', 'BACKLOG', 0, 2],
      ['doing', 'IN_PROGRESS', 2, 5],
      ['review', 'IN_PROGRESS', 5, 6],
      ['doing', 'IN_PROGRESS', 6, 9],
      ['done', 'DONE', 9, null],
    ]);
    expect(firstEntered(timeline, 'IN_PROGRESS')).toBe(at(2));
    expect(firstEntered(timeline, 'DONE')).toBe(at(9));
  });

  it('follows a card reopened after it was done', () => {
    const timeline = foldCardTimeline('c1', [
      created(0),
      moved(1, backlog, done),
      moved(3, done, doing),
      moved(4, doing, done),
    ]);
    expect(timeline.columns.map((c) => c.flowCategory)).toEqual(['BACKLOG', 'DONE', 'IN_PROGRESS', 'DONE']);
    expect(cardStateAt(timeline, at(3.5)).column?.flowCategory).toBe('IN_PROGRESS');
    expect(firstEntered(timeline, 'DONE')).toBe(at(1));
  });

  it('keeps archived time off the board and resumes where the card was restored', () => {
    const timeline = foldCardTimeline('c1', [
      created(0, todo),
      { kind: 'card.archived', at: at(2), from: todo },
      { kind: 'card.restored', at: at(7), to: todo },
    ]);
    expect(timeline.columns.map((c) => [(c.from - t0) / H, c.to === null ? null : (c.to - t0) / H])).toEqual([
      [0, 2],
      [7, null],
    ]);
    expect(timeline.archived).toEqual([{ from: at(2), to: at(7) }]);
    expect(cardStateAt(timeline, at(3))).toMatchObject({ column: null, archived: true });
  });

  it('records blocked stretches with their reason and category, and a new reason while blocked', () => {
    const timeline = foldCardTimeline('c1', [
      created(0),
      {
        kind: 'card.blocked',
        at: at(1),
        to: { reason: 'Legal has not approved the pricing claims', category: 'legal_compliance' },
      },
      { kind: 'card.blocked', at: at(3), to: { reason: 'Waiting on the vendor', category: 'vendor' } },
      { kind: 'card.unblocked', at: at(4), from: { reason: 'Waiting on the vendor', category: 'vendor' } },
    ]);
    expect(timeline.blocked).toEqual([
      { from: at(1), to: at(3), reason: 'Legal has not approved the pricing claims', category: 'legal_compliance' },
      { from: at(3), to: at(4), reason: 'Waiting on the vendor', category: 'vendor' },
    ]);
  });

  it('follows sprint hops: out of one sprint straight into the next, and back to the backlog', () => {
    const timeline = foldCardTimeline('c1', [
      created(0),
      { kind: 'card.sprint.changed', at: at(1), from: { sprintId: null }, to: { sprintId: 's11' } },
      { kind: 'card.sprint.changed', at: at(5), from: { sprintId: 's11' }, to: { sprintId: 's12' } },
      { kind: 'card.sprint.changed', at: at(8), from: { sprintId: 's12' }, to: { sprintId: null } },
    ]);
    expect(timeline.sprints).toEqual([
      { sprintId: 's11', from: at(1), to: at(5) },
      { sprintId: 's12', from: at(5), to: at(8) },
    ]);
    expect(cardStateAt(timeline, at(9)).sprintId).toBeNull();
  });

  it('keeps the estimate over time', () => {
    const timeline = foldCardTimeline('c1', [
      created(0),
      { kind: 'card.estimate.changed', at: at(2), from: { points: null }, to: { points: 3 } },
      { kind: 'card.estimate.changed', at: at(6), from: { points: 3 }, to: { points: 5 } },
    ]);
    expect(timeline.estimates).toEqual([
      { points: null, from: at(0), to: at(2) },
      { points: 3, from: at(2), to: at(6) },
      { points: 5, from: at(6), to: null },
    ]);
    expect(cardStateAt(timeline, at(4)).points).toBe(3);
  });

  it('infers what held before the window for a card created earlier', () => {
    const start = at(10);
    const timeline = foldCardTimeline(
      'c1',
      [
        moved(12, todo, doing),
        { kind: 'card.estimate.changed', at: at(13), from: { points: 2 }, to: { points: 3 } },
        { kind: 'card.sprint.changed', at: at(14), from: { sprintId: 's11' }, to: { sprintId: 's12' } },
        { kind: 'card.unblocked', at: at(15), from: { reason: 'Data export missing', category: 'data' } },
      ],
      { start },
    );
    expect(timeline.createdAt).toBeNull();
    expect(timeline.columns[0]).toEqual({ ...todo, from: start, to: at(12) });
    expect(timeline.estimates[0]).toEqual({ points: 2, from: start, to: at(13) });
    expect(timeline.sprints[0]).toEqual({ sprintId: 's11', from: start, to: at(14) });
    expect(timeline.blocked).toEqual([{ reason: 'Data export missing', category: 'data', from: start, to: at(15) }]);
    expect(cardStateAt(timeline, at(11))).toMatchObject({
      column: { columnId: 'todo' },
      points: 2,
      sprintId: 's11',
      blocked: { category: 'data' },
    });
  });

  it('infers an archived card restored inside the window', () => {
    const timeline = foldCardTimeline('c1', [{ kind: 'card.restored', at: at(3), to: done }], { start: at(0) });
    expect(timeline.archived).toEqual([{ from: at(0), to: at(3) }]);
    expect(timeline.columns).toEqual([{ ...done, from: at(3), to: null }]);
  });

  it('sorts entries by time, takes rows as SQL returns them, and stops at the window’s end', () => {
    const rows: TimelineEntry[] = [
      { kind: 'card.moved', at: new Date(at(5)), from: doing, to: done },
      { kind: 'comment.added', at: new Date(at(3)).toISOString(), to: { commentId: 'm1' } },
      { kind: 'card.created', at: new Date(at(0)), from: null, to: { ...todo, title: 'x' } },
      { kind: 'card.moved', at: new Date(at(1)).toISOString(), from: todo, to: doing },
    ];
    expect(foldCardTimeline('c1', rows).columns.map((c) => c.columnId)).toEqual(['todo', 'doing', 'done']);
    expect(foldCardTimeline('c1', rows, { end: at(4) }).columns.map((c) => [c.columnId, c.to])).toEqual([
      ['todo', at(1)],
      ['doing', null],
    ]);
  });

  it('takes what no entry changed from the card as it is now, since the window’s start', () => {
    const now = { place: done, archived: false, sprintId: 's12', points: 5 };
    const quiet = foldCardTimeline('c1', [], { start: at(0) }, now);
    expect(quiet.columns).toEqual([{ ...done, from: at(0), to: null }]);
    expect(quiet.sprints).toEqual([{ sprintId: 's12', from: at(0), to: null }]);
    expect(quiet.estimates).toEqual([{ points: 5, from: at(0), to: null }]);
    // A part some entry changed is told by the entries, not by now.
    const moved2 = foldCardTimeline('c1', [moved(2, todo, done)], { start: at(0) }, { ...now, sprintId: null });
    expect(moved2.columns).toEqual([
      { ...todo, from: at(0), to: at(2) },
      { ...done, from: at(2), to: null },
    ]);
    expect(moved2.sprints).toEqual([]);
    expect(foldCardTimeline('c1', [], { start: at(0) }, { ...now, archived: true })).toMatchObject({
      columns: [],
      archived: [{ from: at(0), to: null }],
    });
  });

  it('keeps a move’s swimlane', () => {
    const timeline = foldCardTimeline('c1', [
      created(0, place('todo', 'TODO', 'lane-a')),
      moved(1, place('todo', 'TODO', 'lane-a'), place('todo', 'TODO', 'lane-b')),
    ]);
    expect(timeline.columns.map((c) => c.swimlaneId)).toEqual(['lane-a', 'lane-b']);
  });
});

describe('foldCardTimelines', () => {
  it('folds many cards’ entries at once, by card', () => {
    const entries: TimelineEntry[] = [
      { ...created(0), cardId: 'a' },
      { ...created(1, todo), cardId: 'b' },
      { ...moved(2, backlog, doing), cardId: 'a' },
      { kind: 'column.created', at: at(2), to: { columnId: 'x', name: 'New' }, cardId: null },
    ];
    const timelines = foldCardTimelines(entries);
    expect([...timelines.keys()]).toEqual(['a', 'b']);
    expect(timelines.get('a')!.columns.map((c) => c.columnId)).toEqual(['backlog', 'doing']);
    expect(timelines.get('b')!.columns.map((c) => c.columnId)).toEqual(['todo']);
  });
});
