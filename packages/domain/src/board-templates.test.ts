import { describe, expect, it } from 'vitest';
import { boardTemplateKeys, boardTemplates, defaultTemplateFor } from './board-templates';

describe('board templates', () => {
  it.each(boardTemplateKeys)('%s flows from a backlog through work in progress to done', (key) => {
    const t = boardTemplates[key];
    expect(t.key).toBe(key);
    const categories = t.columns.map((c) => c.flowCategory);
    const order = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'DONE'];
    // Categories never go backwards along the board, and each stage is there.
    expect([...categories].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(categories);
    expect(new Set(categories)).toEqual(new Set(order));
    // Work in progress is limited; backlog and done are not.
    for (const c of t.columns) {
      if (c.flowCategory === 'IN_PROGRESS') expect(c.wipLimit).toBeGreaterThan(0);
      if (c.flowCategory === 'BACKLOG' || c.flowCategory === 'DONE') expect(c.wipLimit).toBeNull();
    }
    expect(t.swimlanes.length).toBeGreaterThan(0);
    expect(new Set(t.columns.map((c) => c.name)).size).toBe(t.columns.length);
  });

  it('offers development teams the development flow and others the content flow', () => {
    expect(defaultTemplateFor('DEVELOPMENT')).toBe('development-flow');
    expect(defaultTemplateFor('MARKETING')).toBe('content-marketing');
    expect(defaultTemplateFor('OTHER')).toBe('content-marketing');
  });
});
