import { describe, expect, it } from 'vitest';
import {
  dependencyDeadline,
  dependencyEnds,
  isDependencyAtRisk,
  nearHorizon,
  workingDaysUntil,
} from './dependency-risk';

// 2026-12-07 is a Monday.
describe('which card waits', () => {
  it('reads "depends on" forwards and "blocks" backwards', () => {
    expect(dependencyEnds('DEPENDS_ON', 'a', 'b')).toEqual({ waitingId: 'a', onId: 'b' });
    expect(dependencyEnds('BLOCKS', 'a', 'b')).toEqual({ waitingId: 'b', onId: 'a' });
  });
});

describe('the deadline of a waiting card', () => {
  it('is the earlier of its due date and its sprint’s end, or whichever it has', () => {
    expect(dependencyDeadline('2026-12-10', '2026-12-18')).toBe('2026-12-10');
    expect(dependencyDeadline('2026-12-24', '2026-12-18')).toBe('2026-12-18');
    expect(dependencyDeadline(null, '2026-12-18')).toBe('2026-12-18');
    expect(dependencyDeadline('2026-12-10', null)).toBe('2026-12-10');
    expect(dependencyDeadline(null, null)).toBeNull();
  });
});

describe('near means within five working days', () => {
  it('skips weekends when counting forward', () => {
    expect(nearHorizon('2026-12-07')).toBe('2026-12-14'); // Monday → next Monday
    expect(nearHorizon('2026-12-09')).toBe('2026-12-16'); // Wednesday → next Wednesday
    expect(nearHorizon('2026-12-11')).toBe('2026-12-18'); // Friday → next Friday
    expect(nearHorizon('2026-12-12')).toBe('2026-12-18'); // Saturday → Friday after
    expect(nearHorizon('2026-12-13')).toBe('2026-12-18'); // Sunday → Friday after
    expect(nearHorizon('2026-12-07', 1)).toBe('2026-12-08');
    expect(nearHorizon('2026-12-07', 0)).toBe('2026-12-07');
  });

  it('crosses month and year ends', () => {
    expect(nearHorizon('2026-12-29')).toBe('2027-01-05');
  });

  it('counts working days left, negative once past', () => {
    expect(workingDaysUntil('2026-12-07', '2026-12-07')).toBe(0);
    expect(workingDaysUntil('2026-12-07', '2026-12-08')).toBe(1);
    expect(workingDaysUntil('2026-12-11', '2026-12-14')).toBe(1); // Friday → Monday
    expect(workingDaysUntil('2026-12-07', '2026-12-14')).toBe(5);
    expect(workingDaysUntil('2026-12-14', '2026-12-11')).toBe(-1);
    expect(workingDaysUntil('2026-12-14', '2026-12-07')).toBe(-5);
    // Whole weeks counted at once agree with counting day by day, from every weekday and over every remainder.
    const byDay = (from: string, to: string) => {
      let n = 0;
      for (let d = from; d < to;) {
        d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) n++;
      }
      return n;
    };
    for (const from of ['2026-12-05', '2026-12-06', '2026-12-07', '2026-12-09', '2026-12-11']) {
      for (const to of ['2026-12-12', '2026-12-20', '2027-01-01', '2027-03-17'])
        expect(workingDaysUntil(from, to)).toBe(byDay(from, to));
    }
    // 380,000 weeks after a Monday is a Monday.
    expect(workingDaysUntil('2026-12-07', '9309-10-07')).toBe(380_000 * 5);
    expect(workingDaysUntil('9309-10-07', '2026-12-07')).toBe(-380_000 * 5);
  });
});

describe('at risk', () => {
  const today = '2026-12-09'; // a Wednesday
  it('is a wait on an unfinished card with the deadline near or past', () => {
    expect(isDependencyAtRisk({ dependedOnDone: false, deadline: '2026-12-16' }, today)).toBe(true); // the fifth working day
    expect(isDependencyAtRisk({ dependedOnDone: false, deadline: '2026-12-17' }, today)).toBe(false); // the sixth
    expect(isDependencyAtRisk({ dependedOnDone: false, deadline: '2026-12-09' }, today)).toBe(true); // today
    expect(isDependencyAtRisk({ dependedOnDone: false, deadline: '2026-11-30' }, today)).toBe(true); // past
  });

  it('is not when the card waited on is done or the waiting card has no date', () => {
    expect(isDependencyAtRisk({ dependedOnDone: true, deadline: '2026-12-10' }, today)).toBe(false);
    expect(isDependencyAtRisk({ dependedOnDone: false, deadline: null }, today)).toBe(false);
  });

  it('agrees with the count of working days left', () => {
    for (let i = -10; i < 30; i++) {
      const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
      expect(isDependencyAtRisk({ dependedOnDone: false, deadline }, today), deadline).toBe(
        workingDaysUntil(today, deadline) <= 5,
      );
    }
  });
});
