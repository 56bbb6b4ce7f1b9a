import type { FlowCategory } from './wip';

/** Work starts the first time a card enters an in-progress column and completes when it enters a done one. */
export function flowTimes(
  card: { startedAt: Date | null; completedAt: Date | null },
  entering: FlowCategory,
  now = new Date(),
) {
  return {
    startedAt: card.startedAt ?? (entering === 'IN_PROGRESS' || entering === 'DONE' ? now : null),
    completedAt: entering === 'DONE' ? (card.completedAt ?? now) : null,
  };
}
