import { teamLimitProblem, teamLimits, type TeamLimitKind } from '@amb/domain/team-limits';
import { AppError } from '../../lib/app-error';

/**
 * Refuses (409 LIMIT_REACHED, naming the limit) one more webhook, pending invitation or retrospective note when
 * there are `count` already. Checked before the write, as on a card: simultaneous additions may pass it together,
 * so a limit can be exceeded by at most that many.
 */
export function requireRoomOnTeam(kind: TeamLimitKind, count: number) {
  const problem = teamLimitProblem(kind, count);
  if (problem) throw new AppError('LIMIT_REACHED', problem, { details: { limit: teamLimits[kind], kind } });
}
