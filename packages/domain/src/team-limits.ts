/**
 * The most a team, or one person in it, may have of things that cost the API work each: generous for real work, and
 * a bound on what one scrum master's script or one person's key held down can pile up. At a limit, one more is
 * refused until something is removed.
 */
export const teamLimits = {
  /** Webhooks registered on one team (each is sent every change it asks for). */
  webhooks: 20,
  /** Invitations of one team waiting to be accepted (not yet accepted, revoked or expired). */
  pendingInvitations: 200,
  /** Notes one person writes in one sprint's retrospective. */
  retrospectiveNotesPerPerson: 50,
} as const;
export type TeamLimitKind = keyof typeof teamLimits;

const messages: Record<TeamLimitKind, (count: number, limit: number) => string> = {
  webhooks: (count, limit) =>
    `This team already has ${count} webhooks, the most a team may have (${limit}); delete one first`,
  pendingInvitations: (count, limit) =>
    `This team already has ${count} invitations waiting to be accepted, the most a team may have (${limit}); revoke some first`,
  retrospectiveNotesPerPerson: (count, limit) =>
    `You already wrote ${count} notes in this retrospective, the most one person may write (${limit}); change or delete one instead`,
};

/** Why one more is refused when there are `count`, or null when there is room. */
export function teamLimitProblem(
  kind: TeamLimitKind,
  count: number,
  limits: Record<TeamLimitKind, number> = teamLimits,
): string | null {
  const limit = limits[kind];
  return count >= limit ? messages[kind](count, limit) : null;
}
