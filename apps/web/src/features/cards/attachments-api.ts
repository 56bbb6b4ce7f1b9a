import { queryOptions } from '@tanstack/react-query';
import { attachmentListSchema, attachmentSchema, type Attachment } from '@amb/shared/attachments';
import { cardApprovalSchema, type DecideApprovalBody, type RequestApprovalBody } from '@amb/shared/approvals';
import { errorBodySchema } from '@amb/shared/errors';
import { memberListSchema } from '@amb/shared/teams';
import { api } from '../../lib/api-client';

// The card panel's calls for attachments and approvals. Uploads go through XMLHttpRequest, which reports upload
// progress (fetch does not) and can be cancelled.

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

export interface UploadHandle {
  done: Promise<Attachment>;
  cancel: () => void;
}

/** Sends one file (a new attachment on a card, or a new version of one), reporting bytes sent as they go. */
export function uploadFile(
  target: { cardId: string } | { attachmentId: string },
  file: File,
  onProgress: (sent: number, total: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const url =
    'cardId' in target ? `/api/cards/${target.cardId}/attachments` : `/api/attachments/${target.attachmentId}/versions`;
  const done = new Promise<Attachment>((resolve, reject) => {
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve(attachmentSchema.parse(JSON.parse(xhr.responseText)));
      const body = errorBodySchema.safeParse(safeJson(xhr.responseText));
      reject(new Error(body.success ? body.data.error.message : `The upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error('The upload failed: the connection was lost'));
    xhr.onabort = () => reject(new Error('Cancelled'));
  });
  const form = new FormData();
  form.append('file', file, file.name);
  xhr.open('POST', url);
  xhr.send(form);
  return { done, cancel: () => xhr.abort() };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const renameAttachment = (attachmentId: string, name: string) =>
  api('PATCH', `/attachments/${attachmentId}`, { body: { name }, schema: attachmentSchema });
export const deleteAttachment = (attachmentId: string) => api('DELETE', `/attachments/${attachmentId}`);
export const requestApproval = (cardId: string, body: RequestApprovalBody) =>
  api('POST', `/cards/${cardId}/approval`, { body, schema: cardApprovalSchema });
export const decideApproval = (cardId: string, body: DecideApprovalBody) =>
  api('POST', `/cards/${cardId}/approval/decision`, { body, schema: cardApprovalSchema });
