import { describe, expect, it } from 'vitest';
import { edgePath, edgeWidth, placeOnCircle } from './graph-layout';

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

  it('draws more links thicker, within bounds', () => {
    expect(edgeWidth(1)).toBe(1.5);
    expect(edgeWidth(8)).toBeGreaterThan(edgeWidth(2));
    expect(edgeWidth(100_000)).toBe(10);
  });
});
