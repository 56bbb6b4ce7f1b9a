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

/** The control point of the curve from one team to another: pulled towards the centre, then to the right. */
function controlPoint(a: Placed, b: Placed, center: number) {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const bend = Math.min(24, length / 6);
  return { x: mx + (center - mx) * 0.45 - (dy / length) * bend, y: my + (center - my) * 0.45 + (dx / length) * bend };
}

/** The least angle between two arrows arriving at one team, so their heads never lie on each other. */
const ARRIVAL_SPACING = 0.9;

/**
 * The direction (radians) from which each edge arrives at its target. Curves bent towards the centre come into a
 * team from nearly one side, so their heads would overlap: the arrivals at one team are fanned out around their
 * mean, at least ARRIVAL_SPACING apart, in the order they come in.
 */
export function arrivalAngles(
  edges: readonly { waiting: string; on: string }[],
  placed: ReadonlyMap<string, Placed>,
  center: number,
): Map<string, number> {
  const byTarget = new Map<string, { key: string; angle: number }[]>();
  for (const e of edges) {
    const a = placed.get(e.waiting);
    const b = placed.get(e.on);
    if (!a || !b) continue;
    const c = controlPoint(a, b, center);
    const list = byTarget.get(e.on) ?? [];
    list.push({ key: `${e.waiting}>${e.on}`, angle: Math.atan2(c.y - b.y, c.x - b.x) });
    byTarget.set(e.on, list);
  }
  const angles = new Map<string, number>();
  for (const list of byTarget.values()) {
    // Angles measured from the first arrival, so a fan that crosses ±π stays in one piece.
    const base = list[0]!.angle;
    const rel = list
      .map((x) => ({ ...x, d: Math.atan2(Math.sin(x.angle - base), Math.cos(x.angle - base)) }))
      .sort((p, q) => p.d - q.d);
    const mean = rel.reduce((sum, x) => sum + x.d, 0) / rel.length;
    const span = Math.max(rel.at(-1)!.d - rel[0]!.d, ARRIVAL_SPACING * (rel.length - 1));
    rel.forEach((x, i) => {
      const spread = rel.length > 1 ? mean - span / 2 + (span * i) / (rel.length - 1) : x.d;
      angles.set(x.key, base + spread);
    });
  }
  return angles;
}

/**
 * A quadratic curve from one team to another, ending `gap` short of the target so an arrow head shows; with
 * `arrival` (radians, from arrivalAngles) it comes in from that direction. `mid` is the curve's middle, where its
 * label goes.
 */
export function edgeCurve(
  a: Placed,
  b: Placed,
  center: number,
  gap: number,
  arrival?: number,
): { d: string; end: { x: number; y: number }; mid: { x: number; y: number } } {
  const c = controlPoint(a, b, center);
  const angle = arrival ?? Math.atan2(c.y - b.y, c.x - b.x);
  const end = { x: b.x + Math.cos(angle) * gap, y: b.y + Math.sin(angle) * gap };
  // The control point moves onto the arrival's line, so the curve comes in along its arrow head.
  const reach = Math.hypot(c.x - end.x, c.y - end.y);
  const cx = arrival === undefined ? c.x : end.x + Math.cos(angle) * reach;
  const cy = arrival === undefined ? c.y : end.y + Math.sin(angle) * reach;
  const mid = { x: 0.25 * a.x + 0.5 * cx + 0.25 * end.x, y: 0.25 * a.y + 0.5 * cy + 0.25 * end.y };
  const d = `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${end.x.toFixed(1)},${end.y.toFixed(1)}`;
  return { d, end, mid };
}

/** A quadratic curve from one team to another, ending `gap` short of the target so an arrow head shows. */
export function edgePath(a: Placed, b: Placed, center: number, gap: number): string {
  return edgeCurve(a, b, center, gap).d;
}

/** Stroke width by number of links: 1.5 for one, growing with the logarithm, at most 10. */
export function edgeWidth(links: number): number {
  return Math.min(10, 1.5 + 2 * Math.log2(links));
}
