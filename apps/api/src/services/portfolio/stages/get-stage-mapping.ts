import { stageOfColumn } from '@amb/domain/portfolio-stages';
import type { StageMapping } from '@amb/shared/portfolio-stages';
import type { ServiceContext } from '../../context';
import { visibleTeams } from '../visible-teams';
import { listStages } from './list-stages';

/** The stages, and each visible team's board columns with the stage each counts in. */
export async function getStageMapping({ db, actor }: ServiceContext): Promise<StageMapping> {
  const [stages, teams] = await Promise.all([listStages(db), visibleTeams(db, actor)]);
  const boards = await db.board.findMany({
    where: { teamId: { in: teams.map((t) => t.id) }, archivedAt: null },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      teamId: true,
      columns: {
        orderBy: { position: 'asc' },
        select: { id: true, name: true, flowCategory: true, portfolioStageId: true },
      },
    },
  });
  const boardOf = new Map<string, (typeof boards)[number]>();
  for (const b of boards) if (!boardOf.has(b.teamId)) boardOf.set(b.teamId, b);
  return {
    stages,
    teams: teams.map((team) => {
      const board = boardOf.get(team.id);
      return {
        ...team,
        boardId: board?.id ?? null,
        columns: (board?.columns ?? []).map((c) => {
          const stage = stageOfColumn({ flowCategory: c.flowCategory, stageId: c.portfolioStageId }, stages)!;
          return {
            id: c.id,
            name: c.name,
            flowCategory: c.flowCategory,
            stageId: stage.id,
            mapped: stage.id === c.portfolioStageId,
          };
        }),
      };
    }),
  };
}
