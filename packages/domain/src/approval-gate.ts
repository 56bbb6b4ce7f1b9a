// A column may require approval to leave it (like "Review needs an approved version"). The API decides a move
// with `approvalGateRefusal`; the web app calls the same function while a card is dragged.

import { approvalLabel, type ApprovalStanding } from './approvals';

export interface GateColumn {
  id: string;
  name: string;
  requiresApproval: boolean;
}

/**
 * Why a card may not leave `from` for `to`, or null when it may: a card leaves a column that requires approval
 * only once its approval stands approved. Moving within the column (reordering, another swimlane) is always allowed.
 */
export function approvalGateRefusal(
  from: GateColumn,
  to: { id: string },
  standing: ApprovalStanding | null | undefined,
): string | null {
  if (!from.requiresApproval || from.id === to.id || standing?.state === 'approved') return null;
  const missing = standing ? approvalLabel(standing) : 'no approval asked for';
  return `Column "${from.name}" needs an approved version before a card leaves it: ${missing}`;
}
