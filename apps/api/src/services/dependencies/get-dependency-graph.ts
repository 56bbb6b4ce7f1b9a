import type { DependencyGraph, dependencyGraphQuerySchema } from '@amb/shared/dependencies';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { dependencyScope, openDependenciesSql } from './open-dependencies';

/** Teams joined by open waits: one edge per waiting team and team waited on, with how many links and how many at risk. */
export async function getDependencyGraph(
  { db, actor }: ServiceContext,
  query: z.output<typeof dependencyGraphQuerySchema>,
): Promise<DependencyGraph> {
  const { readable, today, nearUntil } = await dependencyScope(db, actor, query);
  const edges = await db.$queryRaw<{ waiting: string; on_team: string; links: number; at_risk: number }[]>`
    WITH ${openDependenciesSql(
      readable.map((t) => t.id),
      query.teams ?? null,
    )}
    SELECT w_team AS waiting, o_team AS on_team, COUNT(*)::int AS links, COUNT(*) FILTER (WHERE deadline <= ${nearUntil}::date)::int AS at_risk
    FROM open GROUP BY w_team, o_team ORDER BY w_team, o_team`;
  const linked = new Set(edges.flatMap((e) => [e.waiting, e.on_team]));
  return {
    today,
    nearUntil,
    teams: readable.filter((t) => linked.has(t.id)).map((t) => ({ id: t.id, name: t.name, kind: t.kind })),
    edges: edges.map((e) => ({ waiting: e.waiting, on: e.on_team, links: e.links, atRisk: e.at_risk })),
  };
}
