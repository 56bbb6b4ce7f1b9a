import { describe, expect, it } from 'vitest';
import { findUnsafeText, hasOddNameCharacters, isUnsafeText } from './text';

describe('the text rule', () => {
  it('accepts ordinary text, emoji (surrogate pairs) and other scripts', () => {
    for (const ok of ['', 'Launch plan', 'Q3 🚀 campaign', 'Überblick – 見出し', '𝒳 at the end 𝒳', 'line\nbreak\ttab'])
      expect(isUnsafeText(ok)).toBe(false);
  });

  it('refuses NUL bytes and unpaired surrogates wherever they are', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\uD800', 'x\uD83D', '\uDE80x', '🚀\uDE80', '\uDE80\uD83D'])
      expect(isUnsafeText(bad)).toBe(true);
  });

  it('names the first offending field by its dotted path', () => {
    expect(findUnsafeText({ title: 'ok', labels: ['fine', 'bad\u0000'] }, 'body')).toBe('body.labels.1');
    expect(findUnsafeText({ nested: { note: '\uD800' } }, 'body')).toBe('body.nested.note');
    expect(findUnsafeText({ ['key\u0000']: 'x' }, 'body')).toBe('body');
    expect(findUnsafeText({ q: 'launch' }, 'querystring')).toBeNull();
    expect(findUnsafeText('\u0000', 'params.cardId')).toBe('params.cardId');
    expect(findUnsafeText(42, 'body')).toBeNull();
  });
});

describe('the name rule', () => {
  it('accepts printable names in any script, emoji included', () => {
    for (const ok of ['Doing', 'Q3 🚀 campaign', 'Überblick – 見出し', 'Expedite (urgent)', '👩‍💻 Dev'])
      expect(hasOddNameCharacters(ok), ok).toBe(false);
  });
  it('refuses control characters, line breaks and noncharacters', () => {
    for (const bad of ['name \uFFFF', '\u0001\u0002\u0003\u001f', 'a\nb', 'tab\there', '\u007f', '\u0085', 'x\uFDD0'])
      expect(hasOddNameCharacters(bad), JSON.stringify(bad)).toBe(true);
  });
});
