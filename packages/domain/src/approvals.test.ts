import { describe, expect, it } from 'vitest';
import { approvalLabel, approvalStanding } from './approvals';

describe('approvalStanding', () => {
  it('is pending until every approver approves', () => {
    expect(approvalStanding(['PENDING', 'PENDING'])).toEqual({ state: 'pending', approved: 0, of: 2 });
    expect(approvalStanding(['APPROVED', 'PENDING'])).toEqual({ state: 'pending', approved: 1, of: 2 });
    expect(approvalStanding(['APPROVED', 'APPROVED'])).toEqual({ state: 'approved', approved: 2, of: 2 });
  });
  it('turns to changes requested when any one approver asks for them', () => {
    expect(approvalStanding(['APPROVED', 'CHANGES_REQUESTED']).state).toBe('changes_requested');
  });
  it('is never approved with nobody asked', () => {
    expect(approvalStanding([]).state).toBe('pending');
  });
});

describe('approvalLabel', () => {
  it('says it as the card face shows it', () => {
    expect(approvalLabel(approvalStanding(['APPROVED', 'PENDING']))).toBe('approval 1 of 2');
    expect(approvalLabel(approvalStanding(['APPROVED']))).toBe('approved');
    expect(approvalLabel(approvalStanding(['CHANGES_REQUESTED', 'PENDING']))).toBe('changes requested');
  });
});
