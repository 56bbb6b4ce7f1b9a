import { queryOptions } from '@tanstack/react-query';
import { attachmentListSchema, attachmentSchema } from '@amb/shared/attachments';
import { cardApprovalSchema, type DecideApprovalBody, type RequestApprovalBody } from '@amb/shared/approvals';
import { cardSummarySchema } from '@amb/shared/boards';
import { memberListSchema } from '@amb/shared/teams';
import { api } from '../../lib/api-client';

// The card panel's calls for attachments and approvals. Uploads are in lib/upload-file.ts (the board takes dropped
// files too).

export const attachmentKeys = {
  list: (cardId: string) => ['cards', 'attachments', cardId] as const,
  approval: (cardId: string) => ['cards', 'approval', cardId] as const,
};

export const attachmentsQuery = (cardId: string) =>
  queryOptions({
    queryKey: attachmentKeys.list(cardId),
    queryFn: ({ signal }) =>
      api('GET', `/cards/${cardId}/attachments`, { schema: attachmentListSchema, signal }).then((r) => r.attachments),
  });

export const approvalQuery = (cardId: string) =>
  queryOptions({
    queryKey: attachmentKeys.approval(cardId),
    queryFn: ({ signal }) =>
      api('GET', `/cards/${cardId}/approval`, { schema: cardApprovalSchema, signal }).then((r) => r.approval),
  });

/** Everyone on the team, viewers included: anyone who can read a card may be asked to approve it. */
export const approverCandidatesQuery = (teamId: string) =>
  queryOptions({
    queryKey: ['teams', teamId, 'members', 'approvers'],
    queryFn: ({ signal }) =>
      api('GET', `/teams/${teamId}/members`, { schema: memberListSchema, signal }).then((r) =>
        r.members.map((m) => ({ id: m.userId, name: m.name })),
      ),
  });

export const renameAttachment = (attachmentId: string, name: string) =>
  api('PATCH', `/attachments/${attachmentId}`, { body: { name }, schema: attachmentSchema });
export const deleteAttachment = (attachmentId: string) => api('DELETE', `/attachments/${attachmentId}`);
/** Shows one of the card's images on its face on the board, or none (null). */
export const setCardCover = (cardId: string, attachmentId: string | null) =>
  api('PUT', `/cards/${cardId}/cover`, { body: { attachmentId }, schema: cardSummarySchema });
export const requestApproval = (cardId: string, body: RequestApprovalBody) =>
  api('POST', `/cards/${cardId}/approval`, { body, schema: cardApprovalSchema });
export const decideApproval = (cardId: string, body: DecideApprovalBody) =>
  api('POST', `/cards/${cardId}/approval/decision`, { body, schema: cardApprovalSchema });
