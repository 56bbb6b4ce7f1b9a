import { describe, expect, it } from 'vitest';
import { spanText } from './board-card';

describe('spanText', () => {
  it('says a card’s days compactly', () => {
    expect(spanText('2026-12-12T00:00:00.000Z', '2026-12-15T00:00:00.000Z')).toBe('12–15 Dec');
    expect(spanText('2026-11-30T00:00:00.000Z', '2026-12-02T00:00:00.000Z')).toBe('30 Nov–2 Dec');
    expect(spanText('2026-12-15T00:00:00.000Z', '2026-12-15T00:00:00.000Z')).toBe('15 Dec');
    expect(spanText('2026-12-12T00:00:00.000Z', null)).toBe('From 12 Dec');
  });
});
