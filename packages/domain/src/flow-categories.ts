// Where a column sits in the flow of work, in flow order. The database's "FlowCategory" enum holds the same values
// (apps/api/test/wip-rules.test.ts holds them equal).
export const flowCategories = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'DONE'] as const;

export type FlowCategory = (typeof flowCategories)[number];
