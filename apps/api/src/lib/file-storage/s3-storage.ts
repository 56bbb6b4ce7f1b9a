import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { FileStorage } from './file-storage';

export interface S3Options {
  bucket: string;
  /** An S3-compatible server's address (MinIO, R2...); unset: AWS itself. */
  endpoint?: string;
  region: string;
  /** Bucket in the path rather than the host name: what most S3-compatible servers want. */
  forcePathStyle: boolean;
  /** Unset: the SDK's own chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Files in S3-compatible object storage, shared by every API process. Uploads go up in parts of 5 MB as the bytes
 * arrive (at most two parts in memory at once); an upload that fails is aborted, so no parts are left behind.
 */
export class S3Storage implements FileStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3Options) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // Checksums only where S3 requires them: the streamed checksum trailers the SDK adds by default are not
      // understood by every S3-compatible server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: Readable, contentType: string): Promise<void> {
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: key, Body: body, ContentType: contentType },
      queueSize: 2,
      partSize: 5 * 1024 * 1024,
      leavePartsOnError: false,
    });
    // The Upload reads the body to its end even if a part fails; a body that fails (a cut upload, a limit passed)
    // must stop the upload too.
    const stop = () => void upload.abort().catch(() => {});
    body.once('error', stop);
    try {
      await upload.done();
    } catch (error) {
      body.destroy();
      await this.delete(key).catch(() => {});
      throw error;
    } finally {
      body.off('error', stop);
    }
  }

  async get(key: string): Promise<Readable | null> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
      return (result.Body as Readable | undefined) ?? null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }));
  }

  /** Lets the client's open connections go (tests, shutdown). */
  close() {
    this.client.destroy();
  }
}
