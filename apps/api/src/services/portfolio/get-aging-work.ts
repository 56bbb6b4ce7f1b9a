import { percentile } from '@amb/domain/flow-metrics';
import { calendarDays } from '@amb/domain/local-days';
import { stageOfColumn } from '@amb/domain/portfolio-stages';
import type { AgingWork } from '@amb/shared/portfolio';
import { requireTeamAccess } from '../access/team-access';
import type { ServiceContext } from '../context';
import { epochMsSql, localDateSql } from './period';
import { listStages } from './stages/list-stages';

const HISTORY_DAYS = 180;

/**
 * Aging work in progress: each open card in an in-progress column with its age since work started, placed in the
 * portfolio stage its column counts in, against the cycle times of the cards the team finished in the last 180 days.
 */
export async function getAgingWork({ db, actor }: ServiceContext, teamId: string, tz: string): Promise<AgingWork> {
  await requireTeamAccess(db, actor, teamId, 'view');
  const board = await db.board.findFirst({
    where: { teamId, archivedAt: null },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      columns: {
        where: { flowCategory: 'IN_PROGRESS' },
        orderBy: { position: 'asc' },
        select: { id: true, flowCategory: true, portfolioStageId: true },
      },
    },
  });
  const stages = (await listStages(db)).filter((s) => s.flowCategory === 'IN_PROGRESS');
  const stageOf = new Map(
    (board?.columns ?? []).map((c) => [
      c.id,
      stageOfColumn({ flowCategory: c.flowCategory, stageId: c.portfolioStageId }, stages)!.id,
    ]),
  );
  const now = Date.now();
  const [cards, history] = await Promise.all([
    db.$queryRawUnsafe<{ card_id: string; title: string; column_id: string; blocked: boolean; started: number }[]>(
      `SELECT c.id AS card_id, c.title, c.column_id, c.blocked, ${epochMsSql('COALESCE(LEAST(f.in_progress_at, f.done_at), c.started_at, c.created_at)')} AS started
       FROM cards c JOIN columns k ON k.id = c.column_id LEFT JOIN card_flow f ON f.card_id = c.id
       WHERE c.board_id = $1 AND c.archived_at IS NULL AND k.flow_category = 'IN_PROGRESS'`,
      board?.id ?? '',
    ),
    db.$queryRawUnsafe<{ days: number }[]>(
      `SELECT (${localDateSql('done_at', '$2')} - ${localDateSql('LEAST(in_progress_at, done_at)', '$2')}) + 1 AS days
       FROM card_flow WHERE team_id = $1 AND done_at >= now() - make_interval(days => ${HISTORY_DAYS})`,
      teamId,
      tz,
    ),
  ]);
  const days = history.map((h) => h.days);
  return {
    stages: stages.map((s) => ({ id: s.id, name: s.name })),
    cards: cards
      .map((c) => ({
        cardId: c.card_id,
        title: c.title,
        columnId: c.column_id,
        stageId: stageOf.get(c.column_id)!,
        blocked: c.blocked,
        ageDays: calendarDays(c.started, now, tz),
      }))
      .sort((a, b) => b.ageDays - a.ageDays),
    p50: percentile(days, 50),
    p85: percentile(days, 85),
    p95: percentile(days, 95),
    historyCards: days.length,
  };
}
