import type { ReactNode } from 'react';

/**
 * A wide table's own sideways scroll, so the page never scrolls sideways on a phone. It can take keyboard focus
 * (arrow keys scroll it) and is named for screen readers, as a scrolling region must be.
 */
export function ScrollBox({
  label,
  className = 'table-scroll',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
