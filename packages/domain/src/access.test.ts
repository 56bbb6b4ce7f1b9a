import { describe, expect, it } from 'vitest';
import { can, type OrgRole, type TeamAction, type TeamRole } from './access';

const actions: TeamAction[] = [
  'view',
  'work',
  'manage-board',
  'manage-sprints',
  'run-retrospectives',
  'manage-team',
  'handle-obstacles',
];

function allowed(orgRole: OrgRole, teamRole: TeamRole | null) {
  return actions.filter((a) => can({ orgRole, teamRole }, a));
}

describe('team access', () => {
  it('gives each team role its own rights', () => {
    expect(allowed('NONE', 'SCRUM_MASTER')).toEqual([
      'view',
      'work',
      'manage-board',
      'manage-sprints',
      'run-retrospectives',
    ]);
    expect(allowed('NONE', 'PRODUCT_OWNER')).toEqual(['view', 'work', 'manage-sprints']);
    expect(allowed('NONE', 'MEMBER')).toEqual(['view', 'work']);
    expect(allowed('NONE', 'VIEWER')).toEqual(['view']);
  });

  it('denies everything to a stranger', () => {
    expect(allowed('NONE', null)).toEqual([]);
  });

  it('lets the PMO read every team and change none, only handle the obstacles escalated to it', () => {
    expect(allowed('PMO', null)).toEqual(['view', 'handle-obstacles']);
  });

  it('lets a PMO person work on a team they belong to', () => {
    expect(allowed('PMO', 'MEMBER')).toEqual(['view', 'work', 'handle-obstacles']);
  });

  it('lets an admin do everything', () => {
    expect(allowed('ADMIN', null)).toEqual(actions);
  });
});
