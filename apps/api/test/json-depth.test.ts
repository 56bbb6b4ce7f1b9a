import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../src/plugins/json-body';

// The depth count runs before a body is parsed, over the text; strings are jumped over, not counted.
describe('how deep a body nests', () => {
  const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

  it('counts arrays and objects, and stops past the limit', () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":{"c":[1]}}}', 3)).toBe(true);
    expect(nestsDeeperThan(nested(100_000), 32)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes and backslashes included', () => {
    expect(nestsDeeperThan('{"a":"[[[[[[{{{{"}', 2)).toBe(false);
    expect(nestsDeeperThan('{"a":"say \\"[[[[\\" twice"}', 2)).toBe(false);
    // The string ends after an escaped backslash: the brackets after it count.
    expect(nestsDeeperThan('{"a":"x\\\\","b":[[[1]]]}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":"x\\\\\\"[[[[","b":1}', 2)).toBe(false);
  });

  it('jumps over a string of megabytes, as an import file is, and still counts what follows', () => {
    const file = `"${'QUJD'.repeat(1_500_000)}"`;
    expect(nestsDeeperThan(`{"content":${file}}`, 32)).toBe(false);
    expect(nestsDeeperThan(`{"content":${file},"x":${nested(40)}}`, 32)).toBe(true);
  });

  it('leaves an unterminated string to the parser', () => {
    expect(nestsDeeperThan('{"a":"open', 2)).toBe(false);
  });
});
