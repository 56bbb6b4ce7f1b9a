import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachmentListSchema,
  attachmentParamsSchema,
  attachmentSchema,
  attachmentVersionParamsSchema,
  renameAttachmentBodySchema,
  setCardCoverBodySchema,
} from '@amb/shared/attachments';
import { cardSummarySchema } from '@amb/shared/boards';
import { cardParamsSchema } from '@amb/shared/cards';
import { errorBodySchema } from '@amb/shared/errors';
import { okSchema } from '@amb/shared/common';
import { signedIn } from '../../plugins/auth';
import { addAttachment } from '../../services/attachments/add-attachment';
import { addAttachmentVersion } from '../../services/attachments/add-attachment-version';
import { deleteAttachment, renameAttachment } from '../../services/attachments/change-attachment';
import { listAttachments } from '../../services/attachments/list-attachments';
import { readAttachmentFile } from '../../services/attachments/read-attachment-file';
import { readThumbnail } from '../../services/attachments/read-thumbnail';
import type { UploadOptions } from '../../services/attachments/store-upload';
import { setCardCover } from '../../services/cards/set-card-cover';
import { readErrors, writeErrors } from '../errors';
import { contentDisposition } from './content-disposition';

const uploadErrors = { ...writeErrors, 413: errorBodySchema } as const;
const tags = ['attachments'];
const uploadDescription =
  'One file per request, as multipart/form-data in the field `file`. Over the per-file size or the organisation’s ' +
  'total: 413, before the file is read when Content-Length already says so.';

/** Multipart bodies for the upload routes only (each in a context of its own); every other route takes JSON alone. */
async function acceptUploads(app: FastifyInstance) {
  await app.register(multipart, {
    limits: {
      files: 1,
      parts: 4,
      fields: 2,
      fieldSize: 1024,
      headerPairs: 20,
      fileSize: app.config.ATTACHMENT_MAX_BYTES + 1,
    },
  });
  // An upload refused before its body was all read: the rest is read and thrown away, so the sender hears the
  // refusal rather than a reset connection (closing a socket with bytes still arriving resets it, and browsers then
  // report a network error). Past another file's worth, the connection is closed all the same.
  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode < 400 || request.raw.complete) return;
    let discarded = 0;
    request.raw.unpipe();
    request.raw.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > app.config.ATTACHMENT_MAX_BYTES) request.raw.socket?.destroy();
    });
    request.raw.resume();
  });
}

function uploadOptions(app: FastifyInstance, request: FastifyRequest): UploadOptions {
  const length = Number(request.headers['content-length']);
  return {
    storage: app.files,
    limits: { maxBytes: app.config.ATTACHMENT_MAX_BYTES, totalBytes: app.config.ATTACHMENT_TOTAL_BYTES },
    declaredBytes: Number.isFinite(length) && length > 0 ? length : undefined,
    scanner: app.virusScanner,
    log: request.log,
    file: async () => {
      if (!request.isMultipart()) return undefined;
      const part = await request.file();
      return part ? { fileName: part.filename, stream: part.file } : undefined;
    },
  };
}

/** Under /cards: a card's attachments, and attaching a file. */
export const cardAttachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: FastifyRequest) => ({ db: app.db, actor: signedIn(request) });
  app.get(
    '/:cardId/attachments',
    {
      schema: {
        tags,
        summary: 'A card’s attachments, newest first, each with its versions',
        params: cardParamsSchema,
        response: { 200: attachmentListSchema, ...readErrors },
      },
    },
    async (request) => listAttachments(ctx(request), request.params.cardId),
  );
  app.put(
    '/:cardId/cover',
    {
      schema: {
        tags,
        summary: 'Show one of the card’s image attachments on its face on the board, or none (null)',
        params: cardParamsSchema,
        body: setCardCoverBodySchema,
        response: { 200: cardSummarySchema, ...writeErrors },
      },
    },
    async (request) => setCardCover(ctx(request), request.params.cardId, request.body.attachmentId),
  );
  await app.register(async (uploads) => {
    await acceptUploads(uploads);
    uploads.withTypeProvider<ZodTypeProvider>().post(
      '/:cardId/attachments',
      {
        schema: {
          tags,
          summary: 'Attach a file to a card',
          description: uploadDescription,
          consumes: ['multipart/form-data'],
          params: cardParamsSchema,
          response: { 201: attachmentSchema, ...uploadErrors },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addAttachment(ctx(request), request.params.cardId, uploadOptions(app, request))),
    );
  });
};

/** Under /attachments: versions, renaming, deleting and downloading. */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (request: FastifyRequest) => ({ db: app.db, actor: signedIn(request) });
  await app.register(async (uploads) => {
    await acceptUploads(uploads);
    uploads.withTypeProvider<ZodTypeProvider>().post(
      '/:attachmentId/versions',
      {
        schema: {
          tags,
          summary: 'Upload a new version of an attachment (earlier versions stay downloadable)',
          description: uploadDescription,
          consumes: ['multipart/form-data'],
          params: attachmentParamsSchema,
          response: { 201: attachmentSchema, ...uploadErrors },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addAttachmentVersion(ctx(request), request.params.attachmentId, uploadOptions(app, request))),
    );
  });
  app.patch(
    '/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Rename an attachment (its uploader, a scrum master, an admin)',
        params: attachmentParamsSchema,
        body: renameAttachmentBodySchema,
        response: { 200: attachmentSchema, ...writeErrors },
      },
    },
    async (request) => renameAttachment(ctx(request), request.params.attachmentId, request.body.name),
  );
  app.delete(
    '/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Delete an attachment and all its versions (its uploader, a scrum master, an admin)',
        params: attachmentParamsSchema,
        response: { 200: okSchema, ...writeErrors },
      },
    },
    async (request) => {
      await deleteAttachment(ctx(request), request.params.attachmentId);
      app.fileDeletions.kick();
      return { ok: true as const };
    },
  );
  app.get(
    '/:attachmentId/versions/:number/file',
    {
      schema: {
        tags,
        summary: 'Download a version of an attachment',
        description:
          'Raster images are shown inline unless `download` is set; every other kind is a download, sent as bytes.',
        params: attachmentVersionParamsSchema,
        querystring: z.object({ download: z.enum(['1', 'true']).optional() }),
        response: readErrors,
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await readAttachmentFile(ctx(request), app.files, request.params.attachmentId, request.params.number, {
          download: request.query.download !== undefined,
        }),
      ),
  );
  app.get(
    '/:attachmentId/versions/:number/thumbnail',
    {
      schema: {
        tags,
        summary: 'A small picture of an image version (320 px wide WebP), drawn on first request',
        description:
          'Raster images only; any other kind, or an image over the pixel limit or unreadable, is a 404 saying why.',
        params: attachmentVersionParamsSchema,
        response: readErrors,
      },
    },
    async (request, reply) => {
      const thumbnail = await readThumbnail(
        ctx(request),
        app.files,
        request.params.attachmentId,
        request.params.number,
      );
      return sendFile(reply, { ...thumbnail, inline: true });
    },
  );
};

interface FileToSend {
  stream: NodeJS.ReadableStream;
  size?: number;
  contentType: string;
  fileName: string;
  inline: boolean;
}

function sendFile(reply: FastifyReply, file: FileToSend) {
  if (file.size !== undefined) reply.header('content-length', String(file.size));
  return (
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', contentDisposition(file.inline ? 'inline' : 'attachment', file.fileName))
      .header('x-content-type-options', 'nosniff')
      // Opened directly, a file may run nothing and reach nothing, whatever it turns out to be.
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      .header('cross-origin-resource-policy', 'same-origin')
      // Versions never change; the browser may keep one, but only for the person who fetched it.
      .header('cache-control', 'private, max-age=86400')
      .send(file.stream)
  );
}
