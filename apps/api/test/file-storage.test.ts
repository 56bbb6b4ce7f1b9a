import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from '../src/lib/file-storage/file-storage';
import { FolderStorage } from '../src/lib/file-storage/folder-storage';
import { S3Storage } from '../src/lib/file-storage/s3-storage';
import { startS3Server, S3_TEST_CREDENTIALS } from './support/s3-server';

// Both kinds of storage keep the same promises: bytes out equal bytes in, a missing key is null, and a stream that
// fails half-way leaves nothing behind.

/** `size` bytes of a repeating pattern, made as they are read. */
function pattern(size: number, failAt?: number) {
  let sent = 0;
  return new Readable({
    read() {
      if (failAt !== undefined && sent >= failAt) return this.destroy(new Error('connection cut'));
      if (sent >= size) return this.push(null);
      const n = Math.min(256 * 1024, size - sent);
      const chunk = Buffer.alloc(n);
      for (let i = 0; i < n; i++) chunk[i] = (sent + i) % 251;
      sent += n;
      this.push(chunk);
    },
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe.each(['folder', 's3'] as const)('%s storage', (kind) => {
  let storage: FileStorage;
  let root: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    if (kind === 'folder') {
      root = await mkdtemp(path.join(tmpdir(), 'amb-files-'));
      storage = new FolderStorage(root);
      close = () => rm(root, { recursive: true, force: true });
    } else {
      const s3 = await startS3Server();
      root = path.join(s3.directory, s3.bucket);
      const s3Storage = new S3Storage({
        bucket: s3.bucket,
        endpoint: s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: S3_TEST_CREDENTIALS,
      });
      storage = s3Storage;
      close = async () => {
        s3Storage.close();
        await s3.close();
      };
    }
  });
  afterAll(() => close());

  it('gives back the bytes it was given, small and in several parts', async () => {
    for (const size of [0, 10, 12 * 1024 * 1024 + 7]) {
      const key = `attachments/round-trip-${size}`;
      await storage.put(key, pattern(size), 'application/octet-stream');
      const out = await buffer((await storage.get(key))!);
      expect(out.equals(await buffer(pattern(size)))).toBe(true);
    }
  });

  it('answers null for a key it does not hold, and deletes without complaint', async () => {
    expect(await storage.get('attachments/never-stored')).toBeNull();
    await storage.put('attachments/to-delete', pattern(100), 'text/plain');
    await storage.delete('attachments/to-delete');
    expect(await storage.get('attachments/to-delete')).toBeNull();
    await storage.delete('attachments/to-delete');
  });

  it('keeps nothing of a stream that fails half-way', async () => {
    const before = await filesUnder(root);
    await expect(
      storage.put('attachments/cut', pattern(11 * 1024 * 1024, 7 * 1024 * 1024), 'application/octet-stream'),
    ).rejects.toThrow();
    expect(await storage.get('attachments/cut')).toBeNull();
    const after = await filesUnder(root);
    // s3rver keeps unfinished multipart uploads in a folder of its own and does not implement aborting them (S3 and
    // MinIO do, and a bucket's lifecycle rule clears any left by a crash): no object is left, which is what readers see.
    const objects = (files: string[]) => files.filter((f) => !f.includes('._S3rver_uploads'));
    expect(objects(after).filter((f) => !before.includes(f))).toEqual([]);
  });
});
