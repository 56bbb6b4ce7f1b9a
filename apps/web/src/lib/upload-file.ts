import { attachmentSchema, type Attachment } from '@amb/shared/attachments';
import { errorBodySchema } from '@amb/shared/errors';

// Uploads go through XMLHttpRequest, which reports upload progress (fetch does not) and can be cancelled. The card
// panel and the board (files dropped on a card) both send files this way.

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
