import { describe, expect, it } from 'vitest';
import { suggestFlowCategory } from './import-flow';

describe('suggestFlowCategory', () => {
  it('reads the usual list names', () => {
    expect(suggestFlowCategory('Ideas', 1, 5)).toBe('BACKLOG');
    expect(suggestFlowCategory('To Do', 0, 5)).toBe('TODO');
    expect(suggestFlowCategory('Doing', 0, 5)).toBe('IN_PROGRESS');
    expect(suggestFlowCategory('Legal review', 0, 5)).toBe('IN_PROGRESS');
    expect(suggestFlowCategory('Published ✅', 0, 5)).toBe('DONE');
  });
  it('falls back to the list’s place: first backlog, last done, the rest to do', () => {
    expect(suggestFlowCategory('Alpha', 0, 3)).toBe('BACKLOG');
    expect(suggestFlowCategory('Beta', 1, 3)).toBe('TODO');
    expect(suggestFlowCategory('Gamma', 2, 3)).toBe('DONE');
  });
});
