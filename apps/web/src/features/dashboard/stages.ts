import type { FlowCategory } from '@amb/domain/card-timeline';

/** The portfolio stages' names and colours, the same on every chart. */
export const stageNames: Record<FlowCategory, string> = { BACKLOG: 'Backlog', TODO: 'To do', IN_PROGRESS: 'In progress', DONE: 'Done' };
export const stageColours: Record<FlowCategory, string> = { BACKLOG: '#d0d5dd', TODO: '#84adff', IN_PROGRESS: '#fdb022', DONE: '#32d583' };
