import { describe, expect, it } from 'vitest';
import { approvalGateRefusal } from './approval-gate';
import { approvalStanding } from './approvals';

const review = { id: 'review', name: 'Review', requiresApproval: true };
const done = { id: 'done' };

describe('approvalGateRefusal', () => {
  it('refuses to let an unapproved card leave a column that requires approval, saying what is missing', () => {
    expect(approvalGateRefusal(review, done, approvalStanding(['APPROVED', 'PENDING']))).toBe(
      'Column "Review" needs an approved version before a card leaves it: approval 1 of 2',
    );
    expect(approvalGateRefusal(review, done, approvalStanding(['APPROVED', 'CHANGES_REQUESTED']))).toBe(
      'Column "Review" needs an approved version before a card leaves it: changes requested',
    );
    expect(approvalGateRefusal(review, done, null)).toBe(
      'Column "Review" needs an approved version before a card leaves it: no approval asked for',
    );
  });
  it('lets an approved card leave', () => {
    expect(approvalGateRefusal(review, done, approvalStanding(['APPROVED', 'APPROVED']))).toBeNull();
  });
  it('lets any card move within the column', () => {
    expect(approvalGateRefusal(review, { id: 'review' }, null)).toBeNull();
  });
  it('lets any card leave a column that does not require approval', () => {
    expect(approvalGateRefusal({ ...review, requiresApproval: false }, done, null)).toBeNull();
  });
});
