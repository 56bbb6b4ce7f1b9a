import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES } from '@amb/domain/attachments';
import { AppError } from '../../lib/app-error';

/**
 * Passes a file's bytes on as they arrive, counting them and keeping the first few for sniffing its type. Past
 * `limit` it fails with a 413, which stops the storage write (and so the upload) there.
 */
export class SizeMeter extends Transform {
  size = 0;
  /** The 413 it failed with, if it did (a storage may report the failure as its own error). */
  refused: AppError | null = null;
  private headParts: Buffer[] = [];
  private headSize = 0;

  constructor(
    private readonly limit: number,
    private readonly refusal: () => AppError,
  ) {
    super();
  }

  get head(): Uint8Array {
    return Buffer.concat(this.headParts);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.refused = this.refusal();
      return done(this.refused);
    }
    if (this.headSize < SNIFF_BYTES) {
      const part = chunk.subarray(0, SNIFF_BYTES - this.headSize);
      this.headParts.push(Buffer.from(part));
      this.headSize += part.length;
    }
    done(null, chunk);
  }
}

export const tooLarge = (message: string) => new AppError('PAYLOAD_TOO_LARGE', message);

/** "50 MB", "1.5 GB": sizes in messages people read. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${Number(value.toFixed(1))} ${units[unit]}`;
}
