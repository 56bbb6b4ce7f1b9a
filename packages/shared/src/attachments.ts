// Files on cards: an attachment is a name and its versions; the card shows the newest.
import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

export const attachmentParamsSchema = z.object({ attachmentId: idSchema });
export const attachmentVersionParamsSchema = z.object({
  attachmentId: idSchema,
  number: z.coerce.number().int().min(1),
});

const personSchema = z.object({ id: z.string(), name: z.string() }).nullable();

export const attachmentVersionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  size: z.number().int(),
  /** Sniffed from the file's first bytes on upload. */
  contentType: z.string(),
  fileName: z.string(),
  uploader: personSchema,
  createdAt: isoDateTime,
  /** Where to download it; images are shown from it inline. */
  url: z.string(),
  /** A 320 px wide picture of a raster image, drawn on first request; null for every other kind. */
  thumbnailUrl: z.string().nullable(),
});
export type AttachmentVersion = z.infer<typeof attachmentVersionSchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  cardId: z.string(),
  name: z.string(),
  uploader: personSchema,
  createdAt: isoDateTime,
  /** The version the card shows. */
  latest: attachmentVersionSchema,
  /** Every version, newest first. */
  versions: z.array(attachmentVersionSchema),
  /** Whether the person asking may rename and delete it (its uploader, a scrum master, an admin). */
  canManage: z.boolean(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ attachments: z.array(attachmentSchema) });
export type AttachmentList = z.infer<typeof attachmentListSchema>;

export const renameAttachmentBodySchema = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(180, { message: 'must be at most 180 characters' }),
});
export type RenameAttachmentBody = z.infer<typeof renameAttachmentBodySchema>;

/** The form field an upload's file travels in (multipart/form-data). */
export const ATTACHMENT_FILE_FIELD = 'file';
/** Files one upload request may carry. */
export const MAX_FILES_PER_UPLOAD = 10;

/** A card's cover: one of its image attachments, or null to show none. */
export const setCardCoverBodySchema = z.object({ attachmentId: idSchema.nullable() });
export type SetCardCoverBody = z.infer<typeof setCardCoverBodySchema>;
