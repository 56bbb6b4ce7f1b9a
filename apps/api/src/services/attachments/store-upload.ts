import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { cleanFileName, sniffContentType } from '@amb/domain/attachments';
import type { Db, Prisma } from '../../db/prisma';
import type { FileStorage } from '../../lib/file-storage/file-storage';
import { AppError, invalidField } from '../../lib/app-error';
import type { Scan, VirusScanner } from '../../lib/virus-scanner';
import { formatBytes, SizeMeter, tooLarge } from './size-meter';

/** A file arriving: its name as the sender gave it, and its bytes as they come. */
export interface IncomingFile {
  fileName: string;
  stream: Readable;
}

export interface AttachmentLimits {
  /** The largest one file may be. */
  maxBytes: number;
  /** All versions of all attachments together. */
  totalBytes: number;
}

export interface UploadOptions {
  storage: FileStorage;
  limits: AttachmentLimits;
  /** The request's declared length, when it has one: over a limit, refused before a byte of the file is read. */
  declaredBytes?: number;
  /** Starts reading the request for its file; undefined when it carries none. */
  file: () => Promise<IncomingFile | undefined>;
  /** Checks every file as it arrives, when virus scanning is set up; `log` hears of each file refused. */
  scanner?: VirusScanner;
  log?: { warn: (details: object, message: string) => void };
}

/** What a multipart request adds around its file (boundaries, part headers with the name): allowed on top of a limit. */
export const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

export async function bytesStored(db: Db | Prisma.TransactionClient): Promise<number> {
  const [row] = await db.$queryRaw<
    { used: number }[]
  >`SELECT COALESCE(sum(size), 0)::float8 AS used FROM attachment_versions`;
  return row?.used ?? 0;
}

const fileTooLarge = (limits: AttachmentLimits) =>
  tooLarge(`The file is larger than the ${formatBytes(limits.maxBytes)} allowed for one file`);
const quotaReached = (limits: AttachmentLimits, left: number) =>
  tooLarge(
    `This file would take the organisation's attachments past the ${formatBytes(limits.totalBytes)} allowed (${formatBytes(Math.max(0, left))} left); delete old files or ask an admin to raise the limit`,
  );

export interface StoredUpload {
  storageKey: string;
  size: number;
  contentType: string;
  fileName: string;
}

/**
 * Streams the request's one file into storage, refusing it (413) as soon as it passes the size limit or what is
 * left of the organisation's total. Nothing is kept of a file refused or cut off half-way.
 */
export async function storeUpload(
  db: Db,
  { storage, limits, declaredBytes, file, scanner, log }: UploadOptions,
): Promise<StoredUpload> {
  const left = limits.totalBytes - (await bytesStored(db));
  if (declaredBytes !== undefined) {
    const fileBytes = declaredBytes - MULTIPART_OVERHEAD_BYTES;
    if (fileBytes > limits.maxBytes) throw fileTooLarge(limits);
    if (fileBytes > left) throw quotaReached(limits, left);
  }
  const incoming = await file();
  if (!incoming) throw invalidField('body.file', 'is required: send the file as multipart/form-data');
  const limit = Math.min(limits.maxBytes, left);
  const meter = new SizeMeter(limit, () =>
    limit === limits.maxBytes ? fileTooLarge(limits) : quotaReached(limits, left),
  );
  let cutOff = false;
  incoming.stream.on('error', (error) => {
    cutOff = true;
    meter.destroy(error);
  });
  // A form cut off may fail the meter before the storage has started reading it (a storage awaits first): the
  // failure is seen here through `cutOff` and by the storage's own pipeline, never as an unhandled stream error.
  meter.on('error', () => {});
  const cutOffError = () =>
    new AppError('VALIDATION_FAILED', 'The upload was cut off before the file was complete; nothing was kept', {
      fields: [{ field: 'body.file', message: 'was cut off' }],
    });
  const storageKey = `attachments/${randomUUID()}`;
  const scan = scanner?.start();
  const metered = incoming.stream.pipe(meter);
  try {
    await storage.put(storageKey, scan ? alongside(metered, scan) : metered, 'application/octet-stream');
  } catch (error) {
    if (meter.refused) throw meter.refused;
    if (error instanceof AppError || !cutOff) throw error;
    // The sender went away or sent a broken form: nothing was kept. (A storage failure stays a server error.)
    throw cutOffError();
  }
  if (cutOff) {
    await storage.delete(storageKey).catch(() => {});
    throw cutOffError();
  }
  const fileName = cleanFileName(incoming.fileName);
  if (scan) {
    const verdict = await scan.verdict.catch((error: Error) => {
      log?.warn({ err: error, scanner: scanner!.address }, 'an upload could not be checked for viruses');
      return null;
    });
    if (!verdict?.clean) {
      await storage.delete(storageKey).catch(() => {});
      if (!verdict)
        throw new AppError(
          'UNAVAILABLE',
          'The file could not be checked for viruses just now, so it was not kept; try again',
        );
      log?.warn({ fileName, signature: verdict.signature }, 'an upload carrying a virus was refused');
      throw new AppError('VALIDATION_FAILED', `The file carries a virus (${verdict.signature}); it was not kept`, {
        fields: [{ field: 'body.file', message: `carries a virus (${verdict.signature})` }],
      });
    }
  }
  return {
    storageKey,
    size: meter.size,
    contentType: sniffContentType(meter.head),
    fileName,
  };
}

/** The file's bytes to the storage (returned) and to the virus scan at once, at the pace of the slower. */
function alongside(file: Readable, scan: Scan): Readable {
  const toStorage = new PassThrough();
  file.on('error', (error) => {
    toStorage.destroy(error);
    scan.input.destroy();
  });
  file.pipe(toStorage);
  file.pipe(scan.input);
  return toStorage;
}

/**
 * Runs `save` (the rows of a stored upload) in one transaction with the organisation's total checked again under
 * its lock, so uploads side by side cannot pass it together. When the save fails, the stored bytes are removed.
 */
export async function saveUpload<T>(
  db: Db,
  storage: FileStorage,
  upload: StoredUpload,
  limits: AttachmentLimits,
  save: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(async (tx) => {
      // The quota's lock: uploads check and add to the organisation's total one at a time (only this step).
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(20261205, 1)::text`;
      const used = await bytesStored(tx);
      if (used + upload.size > limits.totalBytes) throw quotaReached(limits, limits.totalBytes - used);
      return save(tx);
    });
  } catch (error) {
    await storage.delete(upload.storageKey).catch(() => {});
    throw error;
  }
}
