// Approvals: a card (or one attachment's version) sent to named people, each approving or asking for changes.
import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

export const approvalDecisions = ['PENDING', 'APPROVED', 'CHANGES_REQUESTED'] as const;
export const approvalStates = ['pending', 'approved', 'changes_requested'] as const;

export const requestApprovalBodySchema = z.object({
  approverIds: z
    .array(idSchema)
    .min(1, { message: 'must name at least one person' })
    .max(20, { message: 'may name at most 20 people' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'may name each person once' }),
  /** The attachment whose latest version is to be approved; omit to approve the card itself. */
  attachmentId: idSchema.nullable().optional(),
  note: z.string().trim().max(2000, { message: 'must be at most 2000 characters' }).default(''),
});
export type RequestApprovalBody = z.input<typeof requestApprovalBodySchema>;

export const decideApprovalBodySchema = z.object({
  decision: z.enum(['APPROVED', 'CHANGES_REQUESTED'], { message: 'must be APPROVED or CHANGES_REQUESTED' }),
  comment: z.string().trim().max(2000, { message: 'must be at most 2000 characters' }).default(''),
});
export type DecideApprovalBody = z.input<typeof decideApprovalBodySchema>;

export const approverSchema = z.object({
  user: z.object({ id: z.string(), name: z.string() }),
  decision: z.enum(approvalDecisions),
  comment: z.string(),
  decidedAt: isoDateTime.nullable(),
});

export const approvalSchema = z.object({
  id: z.string(),
  cardId: z.string(),
  /** The attachment and version asked about, or null for the card itself. */
  attachment: z.object({ id: z.string(), name: z.string(), versionNumber: z.number().int() }).nullable(),
  requestedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  note: z.string(),
  createdAt: isoDateTime,
  state: z.enum(approvalStates),
  approved: z.number().int(),
  of: z.number().int(),
  approvers: z.array(approverSchema),
  /** Whether the person asking is one of the approvers and may decide. */
  canDecide: z.boolean(),
});
export type Approval = z.infer<typeof approvalSchema>;

/** A card's current approval, or null when none was asked for. */
export const cardApprovalSchema = z.object({ approval: approvalSchema.nullable() });
export type CardApproval = z.infer<typeof cardApprovalSchema>;
