import { describe, expect, it } from 'vitest';
import { detectDateFormat, readDate, readNumber } from './sheet-values';

describe('values as spreadsheets write them', () => {
  it('reads dates day first, month first and year first, and refuses what is not a date', () => {
    expect(readDate('15.12.2026', 'DD.MM.YYYY')).toBe('2026-12-15T00:00:00.000Z');
    expect(readDate('15/12/26', 'DD.MM.YYYY')).toBe('2026-12-15T00:00:00.000Z');
    expect(readDate('12/15/2026', 'MM/DD/YYYY')).toBe('2026-12-15T00:00:00.000Z');
    expect(readDate('2026-12-15', 'MM/DD/YYYY')).toBe('2026-12-15T00:00:00.000Z');
    expect(readDate('12/15/2026', 'DD.MM.YYYY')).toBeNull();
    expect(readDate('31.02.2026', 'DD.MM.YYYY')).toBeNull();
    expect(readDate('next week', 'YYYY-MM-DD')).toBeNull();
  });

  it('guesses the format of a column and says when another reads it as well', () => {
    expect(detectDateFormat(['15.12.2026', '01.02.2027'])).toEqual({ format: 'DD.MM.YYYY', ambiguous: false });
    expect(detectDateFormat(['12/15/2026', '', '01/02/2027'])).toEqual({ format: 'MM/DD/YYYY', ambiguous: false });
    expect(detectDateFormat(['15/12/2026', '05/06/2026'])).toEqual({ format: 'DD.MM.YYYY', ambiguous: false });
    expect(detectDateFormat(['05/06/2026', '01/02/2027'])).toEqual({ format: 'MM/DD/YYYY', ambiguous: true });
    expect(detectDateFormat(['2026-12-15'])).toEqual({ format: 'YYYY-MM-DD', ambiguous: false });
  });

  it('reads a decimal comma or point', () => {
    expect(readNumber('2,5')).toBe(2.5);
    expect(readNumber(' 3 ')).toBe(3);
    expect(readNumber('2.5')).toBe(2.5);
    expect(readNumber('2,5 points')).toBeNull();
  });
});
