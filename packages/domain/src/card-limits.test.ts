import { describe, expect, it } from 'vitest';
import { cardLimitProblem, cardLimits } from './card-limits';

describe('cardLimitProblem', () => {
  it('allows one more below the limit and refuses at it, saying what and how many', () => {
    expect(cardLimitProblem('comments', cardLimits.comments - 1)).toBeNull();
    expect(cardLimitProblem('comments', cardLimits.comments)).toBe(
      `This card already has ${cardLimits.comments} comments, the most a card may hold (${cardLimits.comments}); remove some first`,
    );
    expect(cardLimitProblem('checklistItems', 3, { comments: 1, checklistItems: 3, links: 1 })).toMatch(
      /3 checklist items/,
    );
  });
});
