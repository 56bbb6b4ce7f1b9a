import { describe, expect, it } from 'vitest';
import { flowTimes } from './flow-times';

const now = new Date('2026-03-02T10:00:00.000Z');
const earlier = new Date('2026-02-20T09:00:00.000Z');

describe('flowTimes', () => {
  it('starts the clock the first time a card enters work in progress, and not in the backlog or to do', () => {
    expect(flowTimes({ startedAt: null, completedAt: null }, 'BACKLOG', now)).toEqual({
      startedAt: null,
      completedAt: null,
    });
    expect(flowTimes({ startedAt: null, completedAt: null }, 'TODO', now)).toEqual({
      startedAt: null,
      completedAt: null,
    });
    expect(flowTimes({ startedAt: null, completedAt: null }, 'IN_PROGRESS', now)).toEqual({
      startedAt: now,
      completedAt: null,
    });
  });

  it('keeps the first start when a card moves back and forth', () => {
    expect(flowTimes({ startedAt: earlier, completedAt: null }, 'IN_PROGRESS', now).startedAt).toBe(earlier);
    expect(flowTimes({ startedAt: earlier, completedAt: null }, 'TODO', now).startedAt).toBe(earlier);
  });

  it('completes a card entering done (started then too if it skipped work in progress), and reopens it when it leaves', () => {
    expect(flowTimes({ startedAt: null, completedAt: null }, 'DONE', now)).toEqual({
      startedAt: now,
      completedAt: now,
    });
    expect(flowTimes({ startedAt: earlier, completedAt: earlier }, 'DONE', now).completedAt).toBe(earlier);
    expect(flowTimes({ startedAt: earlier, completedAt: earlier }, 'IN_PROGRESS', now).completedAt).toBeNull();
  });
});
