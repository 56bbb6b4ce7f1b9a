import { describe, expect, it } from 'vitest';
import { defaultPrinciples, principleShortName } from './principles';

describe('principleShortName', () => {
  it('keeps the part of a manifesto principle before "over"', () => {
    expect(principleShortName('Customer focus over silos and hierarchy')).toBe('Customer focus');
    expect(principleShortName('Responding to change over following a plan')).toBe('Responding to change');
  });

  it('keeps a short name without "over" whole, and cuts a long one at a word with an ellipsis', () => {
    expect(principleShortName('Self-organised teams')).toBe('Self-organised teams');
    expect(principleShortName('Adaptive, iterative strategy for every channel we run')).toBe('Adaptive, iterative…');
    expect(principleShortName('Supercalifragilisticexpialidociousness')).toBe('Supercalifragilisticexp…');
  });

  it('gives every default principle a distinct short name that fits on a card', () => {
    const shorts = defaultPrinciples.map((p) => principleShortName(p.name));
    expect(new Set(shorts).size).toBe(defaultPrinciples.length);
    for (const s of shorts) expect(s.length).toBeLessThanOrEqual(24);
  });
});
