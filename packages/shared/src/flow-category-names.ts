import type { FlowCategory } from '@amb/domain/flow-categories';

/** What each flow category is called on screen, in the order work flows through them. */
export const flowCategoryNames: Record<FlowCategory, string> = {
  BACKLOG: 'Backlog',
  TODO: 'To do',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
};
