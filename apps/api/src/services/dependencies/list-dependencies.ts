import { workingDaysUntil } from '@amb/domain/dependency-risk';
import { MAX_DEPENDENCIES, type DependencyList, type dependencyQuerySchema } from '@amb/shared/dependencies';
import type { z } from 'zod';
import { Prisma } from '../../db/prisma';
import type { ServiceContext } from '../context';
import { dependencyScope, openDependenciesSql } from './open-dependencies';

interface Row {
  link_id: string;
  kind: 'DEPENDS_ON' | 'BLOCKS';
  w_card: string;
  w_title: string;
  w_team: string;
  w_column: string;
  w_blocked: boolean;
  w_due: string | null;
  sprint_name: string | null;
  sprint_end: string | null;
  o_card: string;
  o_title: string;
  o_team: string;
  o_column: string;
  o_blocked: boolean;
  deadline: string | null;
  total: number;
}

/** Open waits between teams the person may read, at-risk first, then by deadline; one team pair when asked. */
export async function listDependencies(
  { db, actor }: ServiceContext,
  query: z.output<typeof dependencyQuerySchema>,
): Promise<DependencyList> {
  const { readable, today, nearUntil } = await dependencyScope(db, actor, query);
  const day = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD')`);
  const atRisk = Prisma.sql`(deadline IS NOT NULL AND deadline <= ${nearUntil}::date)`;
  const rows = await db.$queryRaw<Row[]>`
    WITH ${openDependenciesSql(
      readable.map((t) => t.id),
      query.teams ?? null,
    )}
    SELECT link_id, kind, w_card, w_title, w_team, w_column, w_blocked, ${day('w_due')} AS w_due, sprint_name, ${day('sprint_end')} AS sprint_end,
      o_card, o_title, o_team, o_column, o_blocked, ${day('deadline')} AS deadline, (COUNT(*) OVER ())::int AS total
    FROM open
    WHERE (${query.waiting ?? null}::text IS NULL OR w_team = ${query.waiting ?? null}) AND (${query.on ?? null}::text IS NULL OR o_team = ${query.on ?? null})
      AND (${query.atRisk ?? null}::boolean IS NULL OR ${atRisk} = ${query.atRisk ?? null}::boolean)
    ORDER BY ${atRisk} DESC, deadline ASC NULLS LAST, w_title, link_id
    LIMIT ${MAX_DEPENDENCIES}`;
  const name = new Map(readable.map((t) => [t.id, t.name]));
  return {
    today,
    nearUntil,
    total: rows[0]?.total ?? 0,
    dependencies: rows.map((r) => ({
      linkId: r.link_id,
      kind: r.kind,
      waiting: {
        cardId: r.w_card,
        title: r.w_title,
        teamId: r.w_team,
        teamName: name.get(r.w_team) ?? '',
        columnName: r.w_column,
        blocked: r.w_blocked,
        dueDate: r.w_due,
        sprint: r.sprint_name !== null && r.sprint_end !== null ? { name: r.sprint_name, endDate: r.sprint_end } : null,
      },
      on: {
        cardId: r.o_card,
        title: r.o_title,
        teamId: r.o_team,
        teamName: name.get(r.o_team) ?? '',
        columnName: r.o_column,
        blocked: r.o_blocked,
      },
      deadline: r.deadline,
      workingDaysLeft: r.deadline === null ? null : workingDaysUntil(today, r.deadline),
      atRisk: r.deadline !== null && r.deadline <= nearUntil,
    })),
  };
}
