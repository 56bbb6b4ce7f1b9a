import { describe, expect, it } from 'vitest';
import { cardDatesProblem } from './card-dates';

const day = (d: string) => new Date(`${d}T00:00:00.000Z`);

describe('cardDatesProblem', () => {
  it('lets a card start before or on its due date', () => {
    expect(cardDatesProblem(day('2026-12-12'), day('2026-12-15'))).toBeNull();
    expect(cardDatesProblem(day('2026-12-15'), day('2026-12-15'))).toBeNull();
  });

  it('lets either date be missing', () => {
    expect(cardDatesProblem(null, day('2026-12-15'))).toBeNull();
    expect(cardDatesProblem(day('2026-12-15'), null)).toBeNull();
    expect(cardDatesProblem(null, null)).toBeNull();
  });

  it('refuses a start after the due date', () => {
    expect(cardDatesProblem(day('2026-12-16'), day('2026-12-15'))).toBe('must not be after the due date');
  });
});
