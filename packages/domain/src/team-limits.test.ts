import { describe, expect, it } from 'vitest';
import { teamLimitProblem, teamLimits } from './team-limits';

describe('teamLimitProblem', () => {
  it('allows one more below each limit and refuses at it, naming the limit', () => {
    for (const kind of Object.keys(teamLimits) as (keyof typeof teamLimits)[]) {
      expect(teamLimitProblem(kind, teamLimits[kind] - 1)).toBeNull();
      expect(teamLimitProblem(kind, teamLimits[kind])).toContain(`(${teamLimits[kind]})`);
    }
    expect(teamLimitProblem('webhooks', 20)).toBe(
      'This team already has 20 webhooks, the most a team may have (20); delete one first',
    );
    expect(
      teamLimitProblem('retrospectiveNotesPerPerson', 2, { ...teamLimits, retrospectiveNotesPerPerson: 2 }),
    ).toMatch(/You already wrote 2 notes/);
  });
});
