// The PMO's portfolio stages: an ordered list shared by every team, each stage refining one flow category, and
// each column counted in one stage (decision 37).
import { flowCategories, type FlowCategory } from './flow-categories';

export const flowOrder: readonly FlowCategory[] = flowCategories;

export interface Stage {
  id: string;
  flowCategory: FlowCategory;
}

/**
 * Whether stages in this order keep the flow categories' order (every backlog stage before every to-do stage, and
 * so on) and leave each category at least one stage, so every column has a stage to count in.
 */
export function checkStageOrder(
  stages: readonly Pick<Stage, 'flowCategory'>[],
): 'ok' | 'out-of-order' | 'category-without-stage' {
  for (let i = 1; i < stages.length; i++)
    if (flowOrder.indexOf(stages[i]!.flowCategory) < flowOrder.indexOf(stages[i - 1]!.flowCategory))
      return 'out-of-order';
  return flowOrder.every((c) => stages.some((s) => s.flowCategory === c)) ? 'ok' : 'category-without-stage';
}

/** Where a new stage of a flow category goes: right after the last stage of that category (or of an earlier one). */
export function newStagePosition(stages: readonly Pick<Stage, 'flowCategory'>[], flowCategory: FlowCategory): number {
  const rank = flowOrder.indexOf(flowCategory);
  let at = 0;
  stages.forEach((s, i) => {
    if (flowOrder.indexOf(s.flowCategory) <= rank) at = i + 1;
  });
  return at;
}

/**
 * The stage a column counts in: the one the PMO mapped it onto when that stage refines the column's flow category
 * (a column whose category changed since falls back), otherwise the first stage of its category.
 */
export function stageOfColumn<S extends Stage>(
  column: { flowCategory: FlowCategory; stageId: string | null },
  stages: readonly S[],
): S | undefined {
  const mapped = stages.find((s) => s.id === column.stageId && s.flowCategory === column.flowCategory);
  return mapped ?? stages.find((s) => s.flowCategory === column.flowCategory);
}
