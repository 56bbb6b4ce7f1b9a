import type { CardSummary } from '@amb/shared/boards';

/** A card summary for the board's unit tests: a plain task, with what a test cares about overridden. */
export const cardSummary = (overrides: Partial<CardSummary> & Pick<CardSummary, 'id' | 'columnId'>): CardSummary => ({
  swimlaneId: null,
  sprintId: null,
  type: 'TASK',
  title: overrides.id,
  rank: 'm',
  estimate: null,
  startDate: null,
  dueDate: null,
  labels: [],
  approval: null,
  cover: null,
  blocked: false,
  blockedReason: null,
  blockedSince: null,
  hypothesis: null,
  experimentResult: null,
  campaignId: null,
  ownerIds: [],
  principleIds: [],
  version: 1,
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...overrides,
});
