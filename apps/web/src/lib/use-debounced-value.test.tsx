import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedValue } from './use-debounced-value';

function Probe({ value }: { value: string }) {
  return <output>{useDebouncedValue(value, 300)}</output>;
}

describe('useDebouncedValue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes a value on only once it has stopped changing', () => {
    const { rerender } = render(<Probe value="p" />);
    rerender(<Probe value="pa" />);
    act(() => void vi.advanceTimersByTime(200));
    rerender(<Probe value="par" />);
    act(() => void vi.advanceTimersByTime(200));
    expect(screen.getByRole('status').textContent).toBe('p');
    act(() => void vi.advanceTimersByTime(100));
    expect(screen.getByRole('status').textContent).toBe('par');
  });
});
