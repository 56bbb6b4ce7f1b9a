import { describe, expect, it } from 'vitest';
import type { CardTimeline, FlowCategory } from './card-timeline';
import { averageOfLastThree, burnSeries, sprintOutcome, type SprintWindow } from './sprint-charts';

// A two-week sprint, Monday 7 to Friday 18 December 2026: ten working days.
const at = (isoUtc: string) => Date.parse(isoUtc.endsWith('Z') ? isoUtc : `${isoUtc}Z`);
const START = at('2026-12-07T09:00');
const window = (over: Partial<SprintWindow> = {}): SprintWindow => ({
  sprintId: 's1',
  startDay: '2026-12-07',
  endDay: '2026-12-18',
  startedAt: START,
  closedAt: null,
  timeZone: 'UTC',
  now: at('2027-01-01T00:00'),
  ...over,
});

/** A card built by hand: in the sprint from `inSprint` (until `outOfSprint`), moving through `moves`, estimated `points`. */
function card(
  id: string,
  points: number | [number, number, string],
  o: { inSprint?: string; outOfSprint?: string; moves?: [string, FlowCategory][]; archivedAt?: string } = {},
): CardTimeline {
  const created = at('2026-12-01T08:00');
  const steps: [number, FlowCategory][] = [
    [created, 'TODO'],
    ...(o.moves ?? []).map(([t, f]): [number, FlowCategory] => [at(t), f]),
  ];
  const columns = steps.map(([from, flowCategory], i) => ({
    from,
    to: steps[i + 1]?.[0] ?? null,
    columnId: flowCategory,
    flowCategory,
    swimlaneId: null,
  }));
  const estimates =
    typeof points === 'number'
      ? [{ from: created, to: null, points }]
      : [
          { from: created, to: at(points[2]), points: points[0] },
          { from: at(points[2]), to: null, points: points[1] },
        ];
  return {
    cardId: id,
    createdAt: created,
    columns,
    blocked: [],
    sprints: [
      { sprintId: 's1', from: at(o.inSprint ?? '2026-12-04T10:00'), to: o.outOfSprint ? at(o.outOfSprint) : null },
    ],
    estimates,
    archived: o.archivedAt ? [{ from: at(o.archivedAt), to: null }] : [],
  };
}

const column = (series: ReturnType<typeof burnSeries>, key: 'scope' | 'completed' | 'remaining') =>
  series.days.map((d) => d[key]);

describe('burndown and burnup', () => {
  it('stays flat on days without change, beside an ideal line from the commitment to zero', () => {
    const s = burnSeries([card('a', 3), card('b', 5)], window());
    expect(s.committed).toBe(8);
    expect(s.days.map((d) => d.date)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-14',
      '2026-12-15',
      '2026-12-16',
      '2026-12-17',
      '2026-12-18',
    ]);
    expect(column(s, 'remaining')).toEqual([8, 8, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(column(s, 'completed')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(s.days.map((d) => d.ideal)).toEqual([7.2, 6.4, 5.6, 4.8, 4, 3.2, 2.4, 1.6, 0.8, 0]);
    expect(s.scopeChanges).toEqual([]);
  });

  it('falls when a card reaches done, on the day it does', () => {
    const s = burnSeries(
      [
        card('a', 3, {
          moves: [
            ['2026-12-08T10:00', 'IN_PROGRESS'],
            ['2026-12-09T15:00', 'DONE'],
          ],
        }),
        card('b', 5),
      ],
      window(),
    );
    expect(column(s, 'remaining').slice(0, 4)).toEqual([8, 8, 5, 5]);
    expect(column(s, 'completed').slice(0, 4)).toEqual([0, 0, 3, 3]);
  });

  it('shows scope added and removed mid-sprint on the scope line, not folded into the commitment', () => {
    const s = burnSeries(
      [
        card('a', 3),
        card('b', 5, { outOfSprint: '2026-12-10T12:00' }),
        card('late', 2, { inSprint: '2026-12-09T11:00', moves: [['2026-12-11T09:00', 'DONE']] }),
      ],
      window(),
    );
    expect(s.committed).toBe(8);
    expect(column(s, 'scope').slice(0, 5)).toEqual([8, 8, 10, 5, 5]);
    expect(column(s, 'remaining').slice(0, 5)).toEqual([8, 8, 10, 5, 3]);
    expect(s.scopeChanges).toEqual([
      { cardId: 'late', points: 2, at: at('2026-12-09T11:00'), change: 'added' },
      { cardId: 'b', points: 5, at: at('2026-12-10T12:00'), change: 'removed' },
    ]);
    // The ideal line keeps to the commitment.
    expect(s.days[0]!.ideal).toBe(7.2);
  });

  it('goes back up when a card is reopened after done', () => {
    const s = burnSeries(
      [
        card('a', 3, {
          moves: [
            ['2026-12-08T10:00', 'DONE'],
            ['2026-12-10T10:00', 'IN_PROGRESS'],
          ],
        }),
        card('b', 5),
      ],
      window(),
    );
    expect(column(s, 'completed').slice(0, 5)).toEqual([0, 3, 3, 0, 0]);
    expect(column(s, 'remaining').slice(0, 5)).toEqual([8, 5, 5, 8, 8]);
  });

  it('follows an estimate changed mid-sprint', () => {
    const s = burnSeries([card('a', [3, 8, '2026-12-09T10:00']), card('b', 5)], window());
    expect(s.committed).toBe(8);
    expect(column(s, 'scope').slice(0, 4)).toEqual([8, 8, 13, 13]);
  });

  it('drops archived cards from the scope', () => {
    const s = burnSeries([card('a', 3, { archivedAt: '2026-12-08T10:00' }), card('b', 5)], window());
    expect(column(s, 'scope').slice(0, 3)).toEqual([8, 5, 5]);
  });

  it('stops at a sprint closed early, read just before closing carried the unfinished cards out', () => {
    const closedAt = at('2026-12-14T16:00');
    const s = burnSeries(
      [card('a', 3, { moves: [['2026-12-09T10:00', 'DONE']] }), card('b', 5, { outOfSprint: '2026-12-14T16:00' })],
      window({ closedAt }),
    );
    expect(column(s, 'remaining')).toEqual([8, 8, 5, 5, 5, 5, null, null, null, null]);
    expect(s.scopeChanges).toEqual([]);
    expect(
      sprintOutcome(
        [card('a', 3, { moves: [['2026-12-09T10:00', 'DONE']] }), card('b', 5, { outOfSprint: '2026-12-14T16:00' })],
        window({ closedAt }),
      ),
    ).toEqual({ sprintId: 's1', committed: 8, completed: 3 });
  });

  it('leaves weekends out: what happens on a Saturday shows on Monday', () => {
    const s = burnSeries([card('a', 3, { moves: [['2026-12-12T10:00', 'DONE']] }), card('b', 5)], window());
    expect(s.days.map((d) => d.date)).not.toContain('2026-12-12');
    expect(column(s, 'remaining').slice(3, 7)).toEqual([8, 8, 5, 5]);
  });

  it('shows weekend changes on the latest working day while the weekend lasts', () => {
    const cards = [card('a', 3, { moves: [['2026-12-12T10:00', 'DONE']] }), card('b', 5)];
    expect(column(burnSeries(cards, window({ now: at('2026-12-12T12:00') })), 'remaining').slice(3, 6)).toEqual([
      8,
      5,
      null,
    ]);
    expect(column(burnSeries(cards, window({ now: at('2026-12-14T12:00') })), 'remaining').slice(3, 6)).toEqual([
      8, 8, 5,
    ]);
  });

  it('cuts days at midnight in the team’s time zone', () => {
    // 23:30 UTC on Tuesday is already Wednesday in Berlin.
    const cards = [card('a', 3, { moves: [['2026-12-08T23:30', 'DONE']] }), card('b', 5)];
    expect(column(burnSeries(cards, window()), 'completed').slice(0, 3)).toEqual([0, 3, 3]);
    expect(column(burnSeries(cards, window({ timeZone: 'Europe/Berlin' })), 'completed').slice(0, 3)).toEqual([
      0, 0, 3,
    ]);
  });

  it('reads the commitment at the start of the first day when the start was not recorded', () => {
    const s = burnSeries([card('a', 3), card('b', 5, { inSprint: '2026-12-07T10:00' })], window({ startedAt: null }));
    expect(s.committed).toBe(3);
    expect(s.scopeChanges.map((c) => c.cardId)).toEqual(['b']);
  });

  it('shows the commitment on the days before a sprint started late', () => {
    const s = burnSeries(
      [card('a', 3, { inSprint: '2026-12-09T08:00' }), card('b', 5, { inSprint: '2026-12-09T08:00' })],
      window({ startedAt: at('2026-12-09T09:00') }),
    );
    expect(s.committed).toBe(8);
    expect(column(s, 'scope').slice(0, 4)).toEqual([8, 8, 8, 8]);
    expect(s.scopeChanges).toEqual([]);
  });

  it('has no actual values for days still to come', () => {
    const s = burnSeries([card('a', 3)], window({ now: at('2026-12-09T12:00') }));
    expect(column(s, 'remaining')).toEqual([3, 3, 3, null, null, null, null, null, null, null]);
  });
});

describe('velocity', () => {
  it('averages the completed points of the last three sprints', () => {
    expect(averageOfLastThree([{ completed: 100 }, { completed: 10 }, { completed: 20 }, { completed: 40 }])).toBe(
      23.3,
    );
    expect(averageOfLastThree([{ completed: 7 }])).toBe(7);
    expect(averageOfLastThree([])).toBeNull();
  });
});
