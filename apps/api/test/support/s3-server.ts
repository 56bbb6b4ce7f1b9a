import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { startTestApp } from './test-app';

/** s3rver's fixed credentials (it checks each request's signature against them). */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** A real S3-compatible server in this process, on a random loopback port, with one empty bucket. */
export async function startS3Server(bucket = 'attachments') {
  const directory = await mkdtemp(path.join(tmpdir(), 'amb-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    bucket,
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * An S3 server and an app storing its files there, with credentials in the standard AWS variables as in
 * production; `close` stops both and puts the variables back as they were.
 */
export async function startS3App(env: Record<string, string> = {}) {
  const s3 = await startS3Server();
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
  process.env.AWS_ACCESS_KEY_ID = S3_TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = S3_TEST_CREDENTIALS.secretAccessKey;
  const restore = () => {
    for (const [name, value] of [
      ['AWS_ACCESS_KEY_ID', saved.id],
      ['AWS_SECRET_ACCESS_KEY', saved.secret],
    ] as const)
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  };
  try {
    const t = await startTestApp({
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      DATA_DIR: '/nonexistent-data-dir',
      ...env,
    });
    return {
      t,
      s3,
      /** The names of the objects in the bucket. */
      objects: async () =>
        (await readdir(path.join(s3.directory, s3.bucket), { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile() && e.name.endsWith('._S3rver_object'))
          .map((e) => e.name),
      async close() {
        await t.close();
        await s3.close();
        restore();
      },
    };
  } catch (error) {
    await s3.close();
    restore();
    throw error;
  }
}
