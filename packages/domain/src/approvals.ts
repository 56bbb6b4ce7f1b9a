// Approval of creative work: named people each approve or ask for changes; the card shows where that stands.

export type ApprovalDecision = 'PENDING' | 'APPROVED' | 'CHANGES_REQUESTED';
export type ApprovalState = 'pending' | 'approved' | 'changes_requested';

export interface ApprovalStanding {
  state: ApprovalState;
  approved: number;
  of: number;
}

/**
 * Where a request stands: changes requested as soon as one approver asks for them (the work goes back, whatever
 * the others said), approved once every approver has approved, pending otherwise.
 */
export function approvalStanding(decisions: readonly ApprovalDecision[]): ApprovalStanding {
  const approved = decisions.filter((d) => d === 'APPROVED').length;
  const of = decisions.length;
  if (decisions.includes('CHANGES_REQUESTED')) return { state: 'changes_requested', approved, of };
  return { state: of > 0 && approved === of ? 'approved' : 'pending', approved, of };
}

/** How the card's face says it: "approval 1 of 2", "approved", "changes requested". */
export function approvalLabel(standing: ApprovalStanding): string {
  if (standing.state === 'changes_requested') return 'changes requested';
  if (standing.state === 'approved') return 'approved';
  return `approval ${standing.approved} of ${standing.of}`;
}
