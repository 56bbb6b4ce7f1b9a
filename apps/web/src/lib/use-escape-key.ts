import { useEffect } from 'react';

/** Calls `onEscape` when Escape is pressed anywhere: how panels and dialogs close from the keyboard. */
export function useEscapeKey(onEscape: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onEscape();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onEscape]);
}
