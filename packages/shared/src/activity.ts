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
  sprintCreated: 'sprint.created',
  /** field: the sprint field that changed; from/to: its old and new value */
  sprintUpdated: 'sprint.updated',
  /** to: { committedPoints, cardIds }: the scope committed at the start */
  sprintStarted: 'sprint.started',
  /** to: { completedPoints, goalMet, report } */
  sprintClosed: 'sprint.closed',
  /** A card's place in its team's backlog changed; to: its new backlog rank. */
  cardBacklogRanked: 'card.backlog-ranked',
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
