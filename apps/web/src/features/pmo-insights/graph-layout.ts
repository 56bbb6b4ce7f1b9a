// A readable drawing of teams and the waits between them without a graph library: teams on a circle (marketing
// on one side, development on the other, so most waits cross the middle), waits as curves bent towards the
// centre, the two directions between a pair bent apart so both stay visible.

export interface Placed {
  id: string;
  x: number;
  y: number;
  /** Radians, 0 pointing right; labels sit outside the circle along it. */
  angle: number;
}

export function placeOnCircle(
  teams: readonly { id: string; kind: string; name: string }[],
  center: number,
  radius: number,
): Map<string, Placed> {
  const ordered = [...teams].sort((a, b) =>
    a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind.localeCompare(b.kind),
  );
  const step = (2 * Math.PI) / Math.max(ordered.length, 1);
  // Start at the top so two or three teams do not sit on one horizontal line through their labels.
  return new Map(
    ordered.map((t, i) => {
      const angle = -Math.PI / 2 + i * step;
      return [t.id, { id: t.id, x: center + radius * Math.cos(angle), y: center + radius * Math.sin(angle), angle }];
    }),
  );
}

/** A quadratic curve from one team to another, ending `gap` short of the target so an arrow head shows. */
export function edgePath(a: Placed, b: Placed, center: number, gap: number): string {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  // Pull the middle towards the centre, then to the right of the direction of travel.
  const bend = Math.min(24, length / 6);
  const cx = mx + (center - mx) * 0.45 - (dy / length) * bend;
  const cy = my + (center - my) * 0.45 + (dx / length) * bend;
  const ex = b.x - cx;
  const ey = b.y - cy;
  const e = Math.hypot(ex, ey) || 1;
  const end = { x: b.x - (ex / e) * gap, y: b.y - (ey / e) * gap };
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${end.x.toFixed(1)},${end.y.toFixed(1)}`;
}

/** Stroke width by number of links: 1.5 for one, growing with the logarithm, at most 10. */
export function edgeWidth(links: number): number {
  return Math.min(10, 1.5 + 2 * Math.log2(links));
}
