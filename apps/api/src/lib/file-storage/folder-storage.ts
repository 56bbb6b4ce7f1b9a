import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { FileStorage } from './file-storage';

const safeKey = /^[a-z0-9][a-z0-9/-]{0,200}$/;

/**
 * Files in a folder on this machine (the embedded, one-server install). A value is written to a temporary name
 * beside its final one and renamed once complete, so a reader never sees half a file and a failed write leaves none.
 */
export class FolderStorage implements FileStorage {
  readonly kind = 'folder' as const;
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    // Keys are the app's own, but a path is built from them: refuse anything that could leave the folder.
    if (!safeKey.test(key) || key.includes('..') || key.includes('//')) throw new Error(`Unsafe storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, body: Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, target);
    } catch (error) {
      body.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    const file = this.pathOf(key);
    try {
      await stat(file);
    } catch {
      return null;
    }
    return createReadStream(file);
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
