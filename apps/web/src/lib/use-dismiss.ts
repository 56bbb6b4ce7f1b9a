import { useEffect, useEffectEvent, type RefObject } from 'react';

/**
 * While `open`, Escape anywhere on the page or a press outside `inside` calls `onDismiss`: how what folds out (the
 * phone menu, a list of teams) folds away again.
 */
export function useDismiss(
  open: boolean,
  inside: RefObject<HTMLElement | null>,
  onDismiss: (how: 'escape' | 'outside') => void,
) {
  const dismiss = useEffectEvent(onDismiss);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && dismiss('escape');
    const onPointer = (e: PointerEvent) => !inside.current?.contains(e.target as Node) && dismiss('outside');
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, inside]);
}
