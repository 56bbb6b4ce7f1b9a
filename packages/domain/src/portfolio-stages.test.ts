import { describe, expect, it } from 'vitest';
import { checkStageOrder, newStagePosition, stageOfColumn, type Stage } from './portfolio-stages';

const stages: Stage[] = [
  { id: 'ideas', flowCategory: 'BACKLOG' },
  { id: 'ready', flowCategory: 'TODO' },
  { id: 'making', flowCategory: 'IN_PROGRESS' },
  { id: 'review', flowCategory: 'IN_PROGRESS' },
  { id: 'live', flowCategory: 'DONE' },
];

describe('portfolio stages', () => {
  it('keeps the flow categories in order and each with a stage', () => {
    expect(checkStageOrder(stages)).toBe('ok');
    expect(checkStageOrder([stages[0]!, stages[1]!, stages[3]!, stages[2]!, stages[4]!])).toBe('ok');
    expect(checkStageOrder([stages[0]!, stages[2]!, stages[1]!, stages[3]!, stages[4]!])).toBe('out-of-order');
    expect(checkStageOrder(stages.filter((s) => s.id !== 'ready'))).toBe('category-without-stage');
  });

  it('puts a new stage after the last one of its flow category', () => {
    expect(newStagePosition(stages, 'IN_PROGRESS')).toBe(4);
    expect(newStagePosition(stages, 'BACKLOG')).toBe(1);
    expect(newStagePosition(stages, 'DONE')).toBe(5);
    expect(newStagePosition([], 'TODO')).toBe(0);
  });

  it('counts a column in its mapped stage, or in its flow category’s first stage', () => {
    expect(stageOfColumn({ flowCategory: 'IN_PROGRESS', stageId: null }, stages)?.id).toBe('making');
    expect(stageOfColumn({ flowCategory: 'IN_PROGRESS', stageId: 'review' }, stages)?.id).toBe('review');
    // Mapped onto a stage of another flow category (its category changed since): back to the default.
    expect(stageOfColumn({ flowCategory: 'DONE', stageId: 'review' }, stages)?.id).toBe('live');
  });
});
