import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarRangeProblem,
  daysBetween,
  isCalendarDay,
  meetsRange,
  monthGrid,
  shiftDates,
  weekOf,
} from './calendar';

describe('calendar days', () => {
  it('knows real days from look-alikes', () => {
    expect(isCalendarDay('2026-12-01')).toBe(true);
    expect(isCalendarDay('2026-02-30')).toBe(false);
    expect(isCalendarDay('2026-12-1')).toBe(false);
    expect(isCalendarDay('tomorrow')).toBe(false);
  });

  it('counts across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
  });

  it('reads at most six weeks, names the end that is wrong', () => {
    expect(calendarRangeProblem('2026-11-30', '2027-01-10')).toBeNull();
    expect(calendarRangeProblem('2026-11-30', '2027-01-11')?.field).toBe('to');
    expect(calendarRangeProblem('2026-12-10', '2026-12-09')?.field).toBe('to');
    expect(calendarRangeProblem('2026-13-01', '2026-12-09')?.field).toBe('from');
    expect(calendarRangeProblem('2026-12-01', 'soon')?.field).toBe('to');
  });

  it('a span that starts before the range meets it', () => {
    expect(meetsRange('2026-11-25', '2026-12-02', '2026-12-01', '2026-12-31')).toBe(true);
    expect(meetsRange(null, '2026-11-30', '2026-12-01', '2026-12-31')).toBe(false);
    expect(meetsRange('2026-12-31', null, '2026-12-01', '2026-12-31')).toBe(true);
    expect(meetsRange(null, null, '2026-12-01', '2026-12-31')).toBe(false);
  });

  it('a moved span keeps its length', () => {
    expect(shiftDates({ startDate: '2026-12-14', dueDate: '2026-12-16' }, 3)).toEqual({
      startDate: '2026-12-17',
      dueDate: '2026-12-19',
    });
    expect(shiftDates({ startDate: null, dueDate: '2026-12-01' }, -1)).toEqual({
      startDate: null,
      dueDate: '2026-11-30',
    });
  });

  it('a month shows whole Monday-first weeks', () => {
    const december = monthGrid('2026-12-15');
    expect(december.first).toBe('2026-11-30');
    expect(december.last).toBe('2027-01-03');
    expect(december.weeks).toHaveLength(5);
    expect(daysBetween(december.first, december.last) + 1).toBeLessThanOrEqual(42);
    expect(weekOf('2026-12-06')[0]).toBe('2026-11-30');
  });
});
