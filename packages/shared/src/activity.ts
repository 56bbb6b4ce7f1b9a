// The kinds of entry in the activity log. Charts (burndown, cumulative flow, cycle time) and live updates read them.

export const activityKinds = {
  cardCreated: 'card.created',
  /** field "columnId"; from/to: { columnId, swimlaneId, flowCategory } */
  cardMoved: 'card.moved',
  /** field: the card field that changed; from/to: its old and new value */
  cardUpdated: 'card.updated',
  cardArchived: 'card.archived',
  cardRestored: 'card.restored',
  /** to: { scope: 'column' | 'swimlane', id, name, limit, count } */
  wipBreachStarted: 'wip.breach.started',
  wipBreachEnded: 'wip.breach.ended',
  columnCreated: 'column.created',
  columnUpdated: 'column.updated',
  columnDeleted: 'column.deleted',
  /** A column's ranks were re-spread because they grew long; order is unchanged, clients reload. */
  columnReranked: 'column.reranked',
  swimlaneCreated: 'swimlane.created',
  swimlaneUpdated: 'swimlane.updated',
  swimlaneDeleted: 'swimlane.deleted',
  commentAdded: 'comment.added',
  checklistChanged: 'checklist.changed',
  linkAdded: 'link.added',
  linkRemoved: 'link.removed',
  sprintStarted: 'sprint.started',
  sprintClosed: 'sprint.closed',
  // Organisation admin. `field` holds the id of the person the entry is about, where there is one.
  /** to: { name, template } */
  teamCreated: 'team.created',
  /** from/to: { name } */
  teamRenamed: 'team.renamed',
  teamArchived: 'team.archived',
  /** to: { role, name } */
  memberAdded: 'team.member.added',
  /** from/to: { role } */
  memberRoleChanged: 'team.member.role-changed',
  /** from: { role } */
  memberRemoved: 'team.member.removed',
  /** from/to: { orgRole } */
  orgRoleChanged: 'person.org-role.changed',
  personDeactivated: 'person.deactivated',
  personReactivated: 'person.reactivated',
  /** to: { email, role } */
  invitationCreated: 'invitation.created',
  /** to: { email, role } */
  invitationAccepted: 'invitation.accepted',
  invitationRevoked: 'invitation.revoked',
  /** from/to: { signUpPolicy, allowedDomains } */
  signUpPolicyChanged: 'settings.sign-up-policy.changed',
} as const;
export type ActivityKind = (typeof activityKinds)[keyof typeof activityKinds];

/** Kinds after which a board's columns or swimlanes changed, so a client reloads the whole board. */
export const boardLayoutKinds: readonly string[] = [
  activityKinds.columnCreated,
  activityKinds.columnUpdated,
  activityKinds.columnDeleted,
  activityKinds.columnReranked,
  activityKinds.swimlaneCreated,
  activityKinds.swimlaneUpdated,
  activityKinds.swimlaneDeleted,
];

/** Kinds the admins' audit page lists. */
export const adminActivityKinds: readonly string[] = [
  activityKinds.teamCreated,
  activityKinds.teamRenamed,
  activityKinds.teamArchived,
  activityKinds.memberAdded,
  activityKinds.memberRoleChanged,
  activityKinds.memberRemoved,
  activityKinds.orgRoleChanged,
  activityKinds.personDeactivated,
  activityKinds.personReactivated,
  activityKinds.invitationCreated,
  activityKinds.invitationAccepted,
  activityKinds.invitationRevoked,
  activityKinds.signUpPolicyChanged,
];
