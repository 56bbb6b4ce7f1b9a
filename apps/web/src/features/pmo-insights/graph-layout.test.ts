import { describe, expect, it } from 'vitest';
import { arrivalAngles, edgeCurve, edgePath, edgeWidth, placeOnCircle } from './graph-layout';

describe('dependency graph layout', () => {
  const teams = [
    { id: 'd1', kind: 'DEVELOPMENT', name: 'Web' },
    { id: 'm2', kind: 'MARKETING', name: 'Social' },
    { id: 'm1', kind: 'MARKETING', name: 'Brand' },
    { id: 'd2', kind: 'DEVELOPMENT', name: 'Apps' },
  ];

  it('puts teams of one kind next to each other on the circle, starting at the top', () => {
    const placed = placeOnCircle(teams, 100, 50);
    expect([...placed.keys()]).toEqual(['d2', 'd1', 'm1', 'm2']);
    expect(placed.get('d2')).toMatchObject({ x: 100, y: 50 });
    for (const p of placed.values()) expect(Math.hypot(p.x - 100, p.y - 100)).toBeCloseTo(50);
  });

  it('bends the two directions between a pair apart', () => {
    const placed = placeOnCircle(teams, 100, 50);
    const there = edgePath(placed.get('d2')!, placed.get('m1')!, 100, 8);
    const back = edgePath(placed.get('m1')!, placed.get('d2')!, 100, 8);
    const control = (path: string) => path.split(' ')[1]!;
    expect(control(there)).not.toEqual(control(back));
  });

  it('fans out the arrows that arrive at one team, so no two heads lie on each other', () => {
    const placed = placeOnCircle(teams, 100, 50);
    const edges = [
      { waiting: 'm1', on: 'd2' },
      { waiting: 'm2', on: 'd2' },
      { waiting: 'd1', on: 'd2' },
    ];
    const angles = arrivalAngles(edges, placed, 100);
    const ends = edges.map((e) => {
      const curve = edgeCurve(placed.get(e.waiting)!, placed.get(e.on)!, 100, 12, angles.get(`${e.waiting}>${e.on}`));
      // The curve ends on its arrival line, 12 from the team.
      expect(Math.hypot(curve.end.x - 100, curve.end.y - 50)).toBeCloseTo(12);
      return curve.end;
    });
    for (let i = 0; i < ends.length; i++)
      for (let j = i + 1; j < ends.length; j++)
        expect(Math.hypot(ends[i]!.x - ends[j]!.x, ends[i]!.y - ends[j]!.y)).toBeGreaterThanOrEqual(10);
  });

  it('draws more links thicker, within bounds', () => {
    expect(edgeWidth(1)).toBe(1.5);
    expect(edgeWidth(8)).toBeGreaterThan(edgeWidth(2));
    expect(edgeWidth(100_000)).toBe(10);
  });
});
