import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DependencyGraph } from '@amb/shared/dependencies';
import { arrivalAngles, edgeCurve, edgeWidth, placeOnCircle, type Placed } from './graph-layout';

const SIZE = 760;
const CENTER = SIZE / 2;
const NODE = 6;
/** Arrow heads are one size, whatever the line's width, so a thick edge's head does not cover its neighbours. */
const ARROW = 12;

type Edge = DependencyGraph['edges'][number];

/** The URL of the list for one edge: that pair of teams, in that direction. */
export const edgeListUrl = (edge: Pick<Edge, 'waiting' | 'on'>, tz: string) =>
  `/pmo/dependencies/list?${new URLSearchParams({ waiting: edge.waiting, on: edge.on, tz })}`;

/**
 * Teams with open waits between them: an arrow from the waiting team to the team it waits on, thicker for more
 * links, red and solid when any is at risk (grey and dashed otherwise). Hovering or focusing a team or an edge
 * brings its waits forward; an edge opens its list.
 */
export function DependencyGraphDrawing({ graph, tz }: { graph: DependencyGraph; tz: string }) {
  const navigate = useNavigate();
  const [focus, setFocus] = useState<string | null>(null);
  // On a narrow screen the drawing is scaled down: a few teams then sit on a smaller circle with larger names, so
  // the names stay readable (about 14 px on a phone) instead of shrinking with the circle.
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(SIZE);
  useEffect(() => {
    const node = svg.current;
    if (!node) return;
    const observer = new ResizeObserver(() => setWidth(node.clientWidth || SIZE));
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  const compact = width < 520 && graph.teams.length <= 8;
  const radius = compact ? 130 : CENTER - (graph.teams.length > 30 ? 150 : 130);
  const placed = placeOnCircle(graph.teams, CENTER, radius);
  const names = new Map(graph.teams.map((t) => [t.id, t.name]));
  // At-risk edges on top, so a grey crowd never hides them.
  const edges = [...graph.edges].sort((a, b) => Number(a.atRisk > 0) - Number(b.atRisk > 0) || a.links - b.links);
  const touches = (e: Edge) =>
    focus === null || focus === e.waiting || focus === e.on || focus === `${e.waiting}>${e.on}`;
  const fontSize = compact
    ? 28
    : graph.teams.length > 60
      ? 10
      : graph.teams.length > 30
        ? 11
        : graph.teams.length > 16
          ? 13
          : 16;
  const arrivals = arrivalAngles(graph.edges, placed, CENTER);
  const labels = graph.teams.map((t) => ({ team: t, ...labelPlace(placed.get(t.id)!, graph.teams.length) }));
  // The drawing is cut to what it holds (teams and their names), so three teams do not leave half of it empty.
  const box = bounds(labels, fontSize);

  return (
    <svg
      ref={svg}
      className={`dependency-graph ${graph.edges.length > 60 ? 'crowded' : ''}`}
      viewBox={`${box.x.toFixed(0)} ${box.y.toFixed(0)} ${box.width.toFixed(0)} ${box.height.toFixed(0)}`}
      role="group"
      aria-label="Teams and the open waits between them"
    >
      <defs>
        <marker
          id="arrow-risk"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerUnits="userSpaceOnUse"
          markerWidth={ARROW}
          markerHeight={ARROW}
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="var(--danger-solid)" />
        </marker>
        <marker
          id="arrow-calm"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerUnits="userSpaceOnUse"
          markerWidth={ARROW}
          markerHeight={ARROW}
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="var(--neutral-line)" />
        </marker>
      </defs>
      {edges.map((e) => {
        const a = placed.get(e.waiting);
        const b = placed.get(e.on);
        if (!a || !b) return null;
        const risky = e.atRisk > 0;
        const label = `${names.get(e.waiting)} waits on ${names.get(e.on)}: ${e.links} open ${e.links === 1 ? 'link' : 'links'}, ${e.atRisk} at risk`;
        const to = edgeListUrl(e, tz);
        const curve = edgeCurve(a, b, CENTER, NODE + 8, arrivals.get(`${e.waiting}>${e.on}`));
        return (
          <a
            key={`${e.waiting}>${e.on}`}
            href={to}
            aria-label={label}
            className={`graph-edge ${risky ? 'risky' : 'calm'} ${touches(e) ? '' : 'faded'}`}
            onClick={(event) => {
              event.preventDefault();
              void navigate(to);
            }}
            onMouseEnter={() => setFocus(`${e.waiting}>${e.on}`)}
            onMouseLeave={() => setFocus(null)}
            onFocus={() => setFocus(`${e.waiting}>${e.on}`)}
            onBlur={() => setFocus(null)}
          >
            <title>{label}</title>
            {/* A wide transparent stroke under the line makes thin edges easy to hit. */}
            <path d={curve.d} className="graph-edge-hit" />
            <path
              d={curve.d}
              strokeWidth={edgeWidth(e.links)}
              markerEnd={`url(#arrow-${risky ? 'risk' : 'calm'})`}
              className="graph-edge-line"
            />
            {/* The number of open links, on the edge's middle; the full sentence is the link's name. */}
            {graph.edges.length <= 40 && (
              <text
                x={curve.mid.x}
                y={curve.mid.y}
                className="graph-edge-label"
                fontSize={compact ? 24 : 13}
                textAnchor="middle"
                dominantBaseline="middle"
                aria-hidden="true"
              >
                {e.links}
              </text>
            )}
          </a>
        );
      })}
      {labels.map(({ team: t, p, lx, ly, degrees, anchor }) => {
        const active = focus === t.id || (focus?.includes('>') && focus.split('>').includes(t.id));
        return (
          <g
            key={t.id}
            className={`graph-team ${t.kind === 'DEVELOPMENT' ? 'development' : 'marketing'} ${active ? 'active' : ''}`}
            onMouseEnter={() => setFocus(t.id)}
            onMouseLeave={() => setFocus(null)}
          >
            <circle cx={p.x} cy={p.y} r={NODE} />
            <text
              x={lx}
              y={ly}
              fontSize={fontSize}
              dominantBaseline="middle"
              textAnchor={anchor}
              transform={`rotate(${degrees.toFixed(1)} ${lx.toFixed(1)} ${ly.toFixed(1)})`}
            >
              {t.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Where a team's name goes: outside the circle; few teams read horizontally, many along the radius. */
function labelPlace(p: Placed, teams: number) {
  const right = Math.cos(p.angle) >= -0.01;
  const lx = p.x + Math.cos(p.angle) * (NODE + 6);
  const ly = p.y + Math.sin(p.angle) * (NODE + (teams > 16 ? 6 : 14));
  const radial = teams > 16;
  const degrees = radial ? (p.angle * 180) / Math.PI + (right ? 0 : 180) : 0;
  const anchor: 'start' | 'middle' | 'end' = radial
    ? right
      ? 'start'
      : 'end'
    : Math.abs(Math.cos(p.angle)) < 0.2
      ? 'middle'
      : right
        ? 'start'
        : 'end';
  return { p, lx, ly, degrees, anchor, radial };
}

/** The box around every team and its name (names measured roughly, at 0.6 em a letter), with a margin. */
function bounds(labels: (ReturnType<typeof labelPlace> & { team: { name: string } })[], fontSize: number) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const take = (x: number, y: number) => {
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  };
  for (const { p, lx, ly, anchor, radial, team } of labels) {
    take(p.x - NODE, p.y - NODE);
    take(p.x + NODE, p.y + NODE);
    const width = team.name.length * fontSize * 0.6;
    if (radial) take(lx + Math.cos(p.angle) * width, ly + Math.sin(p.angle) * width);
    else {
      const left = anchor === 'start' ? lx : anchor === 'end' ? lx - width : lx - width / 2;
      take(left, ly - fontSize);
      take(left + width, ly + fontSize);
    }
  }
  if (x0 === Infinity) return { x: 0, y: 0, width: SIZE, height: SIZE };
  const margin = 16;
  return { x: x0 - margin, y: y0 - margin, width: x1 - x0 + 2 * margin, height: y1 - y0 + 2 * margin };
}
