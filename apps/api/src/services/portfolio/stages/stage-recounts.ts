import type { FastifyBaseLogger } from 'fastify';
import type { Db, Prisma } from '../../../db/prisma';
import { BackgroundWork } from '../../../lib/background-work';
import { rebuildStageFlow } from './stage-writes';

// After the PMO adds, reorders or removes stages, every team's stage rollup is recounted from the log, one team per
// transaction (decision 37). While a team is recounted its columns are locked, so that team's moves wait for it
// (about a second on a busy team) and every other team's moves go on. A team waiting its turn shows the stages as
// they were counted before the change.

/** How many teams wait for their recount. */
export async function teamsToRecount(db: Db | Prisma.TransactionClient): Promise<number> {
  return db.stageRecount.count();
}

/**
 * Recounts the team that has waited longest and that no other process is recounting; false when there is none.
 * The team's request row, then its columns, then its rollup rows: the order a change and a move take them.
 */
export async function recountNextTeam(db: Db): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [next] = await tx.$queryRaw<
        { team_id: string }[]
      >`SELECT team_id FROM stage_recounts ORDER BY requested_at, team_id LIMIT 1 FOR UPDATE SKIP LOCKED`;
      if (!next) return false;
      await tx.$executeRaw`SELECT 1 FROM columns c JOIN boards b ON b.id = c.board_id WHERE b.team_id = ${next.team_id} ORDER BY c.id FOR UPDATE OF c`;
      await rebuildStageFlow(tx, [next.team_id]);
      await tx.stageRecount.delete({ where: { teamId: next.team_id } });
      return true;
    },
    // One team's history: seconds at most, even for a team with a very long one on a loaded server.
    { timeout: 120_000 },
  );
}

/**
 * Recounts waiting teams in the background of an API process: `kick` after a stage change; on start it picks up
 * what a stopped process left, and it looks again every minute. Several processes share the work team by team.
 */
export class StageRecounter extends BackgroundWork {
  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {
    super(60_000, () => this.drain());
  }

  private async drain() {
    try {
      while (!this.closed && (await recountNextTeam(this.db)));
    } catch (error) {
      this.log.error({ err: error }, 'Recounting stage arrivals failed; it is tried again within a minute');
    }
  }
}
