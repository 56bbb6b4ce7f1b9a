import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { DependencyGraph } from '@amb/shared/dependencies';
import { edgePath, edgeWidth, placeOnCircle } from './graph-layout';

const SIZE = 760;
const CENTER = SIZE / 2;
const NODE = 6;

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
  const radius = CENTER - (graph.teams.length > 30 ? 150 : 130);
  const placed = placeOnCircle(graph.teams, CENTER, radius);
  const names = new Map(graph.teams.map((t) => [t.id, t.name]));
  // At-risk edges on top, so a grey crowd never hides them.
  const edges = [...graph.edges].sort((a, b) => Number(a.atRisk > 0) - Number(b.atRisk > 0) || a.links - b.links);
  const touches = (e: Edge) =>
    focus === null || focus === e.waiting || focus === e.on || focus === `${e.waiting}>${e.on}`;
  const fontSize = graph.teams.length > 60 ? 10 : graph.teams.length > 30 ? 11 : graph.teams.length > 16 ? 13 : 16;

  return (
    <svg
      className={`dependency-graph ${graph.edges.length > 60 ? 'crowded' : ''}`}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="group"
      aria-label="Teams and the open waits between them"
    >
      <defs>
        <marker
          id="arrow-risk"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#d92d20" />
        </marker>
        <marker
          id="arrow-calm"
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#667085" />
        </marker>
      </defs>
      {edges.map((e) => {
        const a = placed.get(e.waiting);
        const b = placed.get(e.on);
        if (!a || !b) return null;
        const risky = e.atRisk > 0;
        const label = `${names.get(e.waiting)} waits on ${names.get(e.on)}: ${e.links} open ${e.links === 1 ? 'link' : 'links'}, ${e.atRisk} at risk`;
        const to = edgeListUrl(e, tz);
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
            <path d={edgePath(a, b, CENTER, NODE + 4)} className="graph-edge-hit" />
            <path
              d={edgePath(a, b, CENTER, NODE + 4)}
              strokeWidth={edgeWidth(e.links)}
              markerEnd={`url(#arrow-${risky ? 'risk' : 'calm'})`}
              className="graph-edge-line"
            />
          </a>
        );
      })}
      {graph.teams.map((t) => {
        const p = placed.get(t.id)!;
        const right = Math.cos(p.angle) >= -0.01;
        const lx = p.x + Math.cos(p.angle) * (NODE + 6);
        const ly = p.y + Math.sin(p.angle) * (NODE + (graph.teams.length > 16 ? 6 : 14));
        // Few teams: labels read horizontally. Many: along the radius, so neighbours do not overlap.
        const radial = graph.teams.length > 16;
        const degrees = radial ? (p.angle * 180) / Math.PI + (right ? 0 : 180) : 0;
        const anchor = radial
          ? right
            ? 'start'
            : 'end'
          : Math.abs(Math.cos(p.angle)) < 0.2
            ? 'middle'
            : right
              ? 'start'
              : 'end';
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
