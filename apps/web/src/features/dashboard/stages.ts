import type { FlowCategory } from '@amb/domain/card-timeline';
import type { PortfolioStage } from '@amb/shared/portfolio-stages';

/** Shades per flow category: a stage's colour follows its category and its place among that category's stages. */
const shades: Record<FlowCategory, string[]> = {
  // The first shade of each is dark enough to stand out on white (3:1): most boards have one stage per category.
  BACKLOG: ['#667085', '#98a2b3', '#475467', '#d0d5dd'],
  TODO: ['#84adff', '#528bff', '#b2ccff', '#2970ff'],
  IN_PROGRESS: ['#fdb022', '#f79009', '#fec84b', '#dc6803'],
  DONE: ['#32d583', '#12b76a', '#6ce9a6', '#039855'],
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
