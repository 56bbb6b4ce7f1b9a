import { describe, expect, it } from 'vitest';
import { afterCardAtEnd, afterCardForDrop } from './reorder';

describe('afterCardForDrop', () => {
  const column = ['a', 'b', 'c', 'd'];

  it('a card from another column dropped onto a card goes above it', () => {
    expect(afterCardForDrop(column, 'x', 'c')).toBe('b');
    expect(afterCardForDrop(column, 'x', 'a')).toBeNull();
  });

  it('moving up within a column, the card goes above the one it is dropped on', () => {
    expect(afterCardForDrop(column, 'd', 'b')).toBe('a');
    expect(afterCardForDrop(column, 'c', 'a')).toBeNull();
  });

  it('moving down within a column, the card goes below the one it is dropped on', () => {
    expect(afterCardForDrop(column, 'a', 'c')).toBe('c');
    expect(afterCardForDrop(column, 'b', 'd')).toBe('d');
  });

  it('refuses a target that is not in the column', () => {
    expect(() => afterCardForDrop(column, 'a', 'z')).toThrow();
  });
});

describe('afterCardAtEnd', () => {
  it('is the last card other than the one moved, or null in an empty column', () => {
    expect(afterCardAtEnd(['a', 'b', 'c'], 'x')).toBe('c');
    expect(afterCardAtEnd(['a', 'b', 'c'], 'c')).toBe('b');
    expect(afterCardAtEnd(['c'], 'c')).toBeNull();
    expect(afterCardAtEnd([], 'c')).toBeNull();
  });
});
