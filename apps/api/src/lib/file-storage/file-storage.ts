import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../config';
import { FolderStorage } from './folder-storage';
import { S3Storage } from './s3-storage';

/**
 * Where attachments' bytes live. Keys are made by the app (never from a file's name); a value goes in and comes out
 * as a stream, so no file is ever held whole in memory. A `put` that fails half-way (the upload was cut, a limit
 * was passed) leaves nothing behind.
 */
export interface FileStorage {
  /** Which kind, for logs and the health of an install: "folder" or "s3". */
  readonly kind: 'folder' | 's3';
  /** Stores the stream under `key`; resolves once every byte is stored, rejects (having removed what was written) otherwise. */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** The stored bytes, or null when there is no such key. */
  get(key: string): Promise<Readable | null>;
  /** Removes the key; removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Lets go of open connections, if it has any. */
  close?(): void;
}

/** S3-compatible object storage when S3_BUCKET is set, otherwise a folder under DATA_DIR. */
export function createFileStorage(config: Config): FileStorage {
  if (config.S3_BUCKET)
    return new S3Storage({
      bucket: config.S3_BUCKET,
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      forcePathStyle: config.S3_FORCE_PATH_STYLE ?? Boolean(config.S3_ENDPOINT),
    });
  return new FolderStorage(path.join(config.DATA_DIR, 'files'));
}
