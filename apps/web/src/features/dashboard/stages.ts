import type { FlowCategory } from '@amb/domain/card-timeline';
import type { PortfolioStage } from '@amb/shared/portfolio-stages';

/** Shades per flow category: a stage's colour follows its category and its place among that category's stages. */
const shades: Record<FlowCategory, string[]> = {
  // The first shade of each is dark enough to stand out on white (3:1): most boards have one stage per category.
  BACKLOG: [1, 2, 3, 4].map((n) => `var(--stage-backlog-${n})`),
  TODO: [1, 2, 3, 4].map((n) => `var(--stage-todo-${n})`),
  IN_PROGRESS: [1, 2, 3, 4].map((n) => `var(--stage-progress-${n})`),
  DONE: [1, 2, 3, 4].map((n) => `var(--stage-done-${n})`),
};

/** The stage's colour, the same on every chart: the n-th stage of a flow category gets that category's n-th shade. */
export function stageColour(
  stage: Pick<PortfolioStage, 'id' | 'flowCategory'>,
  stages: readonly Pick<PortfolioStage, 'id' | 'flowCategory'>[],
): string {
  const n = stages.filter((s) => s.flowCategory === stage.flowCategory).findIndex((s) => s.id === stage.id);
  const palette = shades[stage.flowCategory];
  return palette[Math.max(n, 0) % palette.length]!;
}
