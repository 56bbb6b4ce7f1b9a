import { describe, expect, it } from 'vitest';
import { deliverablesTable } from './deliverables-csv';

const card = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Launch newsletter',
  teamId: '00000000-0000-4000-8000-000000000002',
  boardId: '00000000-0000-4000-8000-000000000003',
  columnName: 'Review',
  flowCategory: 'IN_PROGRESS' as const,
  estimate: 3,
  dueDate: '2027-03-20T00:00:00.000Z',
  blocked: false,
  done: false,
  atRisk: true,
};

describe('the deliverables CSV', () => {
  it('has one row per card with its team, flow category and states in words', () => {
    const [header, rows] = deliverablesTable([
      { teamId: card.teamId, teamName: 'Email', groups: [{ flowCategory: 'IN_PROGRESS', cards: [card] }] },
    ]);
    expect(header).toEqual([
      'team',
      'flow category',
      'column',
      'card',
      'points',
      'due date',
      'done',
      'blocked',
      'at risk',
    ]);
    expect(rows).toEqual([['Email', 'In progress', 'Review', 'Launch newsletter', 3, '2027-03-20', 'no', 'no', 'yes']]);
  });
});
