import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mentionToken } from '@amb/shared/notifications';
import { notToldWarning, shownText, useMentionText } from './mention-text';

const lee = { id: '11111111-1111-4111-8111-111111111111', name: 'Lee Chen' };
const sam = { id: '22222222-2222-4222-8222-222222222222', name: 'Sam Rivera' };
const gone = '33333333-3333-4333-8333-333333333333';

describe('text with mentions', () => {
  it('shows stored references by name and sends them back as references, with the people picked since', () => {
    const stored = `Slides by ${mentionToken(lee.id)}, ask ${mentionToken(gone)}`;
    expect(shownText(stored, [lee])).toBe('Slides by @Lee Chen, ask @someone');
    const heard: string[] = [];
    const { result } = renderHook(() => useMentionText(stored, [lee], (s) => heard.push(s)));
    expect(result.current.text).toBe('Slides by @Lee Chen, ask @someone');
    act(() => result.current.setText(`${result.current.text} and @Sam Rivera `, sam));
    const sent = `Slides by ${mentionToken(lee.id)}, ask @someone and ${mentionToken(sam.id)} `;
    expect(result.current.stored()).toBe(sent);
    expect(heard).toEqual([sent]);
    expect(result.current.nameOf(sam.id)).toBe('Sam Rivera');
    expect(result.current.nameOf(gone)).toBeNull();
  });

  it('warns by the names the writer picked, and not at all when everyone was reached', () => {
    const mention = { nameOf: (id: string) => (id === sam.id ? sam.name : null) };
    expect(notToldWarning([], mention, 'this card')).toBeNull();
    expect(notToldWarning([sam.id], mention, 'this card')).toBe(
      '@Sam Rivera was not told: they cannot read this card.',
    );
    expect(notToldWarning([sam.id, gone], mention, 'this card')).toBe(
      '@Sam Rivera and someone you mentioned were not told: they cannot read this card.',
    );
  });
});
