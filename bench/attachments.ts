// Attachments under load: 20 uploads of 20 MB at once, with the API process's memory watched throughout, beside
// copying the same bytes to disk 20 at once in the same run; then the thumbnail of a 6,000 × 4,000 JPEG drawn on
// first request, beside the same thumbnail served once kept.
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { figure, freePort, freshDatabase, percentile, round, seedBoard, signInCookie, startServer } from './support';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 20);
const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 20);
const THUMBNAILS = Number(process.env.BENCH_THUMBNAILS ?? 10);

/** Resident memory of a process and every process under it (the server runs under tsx's own), in MB. */
function treeRssMb(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`))
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim().split(/\s+/))
          if (child) visit(Number(child));
    } catch {
      /* gone */
    }
  };
  visit(pid);
  return kb / 1024;
}

const sort = (xs: number[]) => [...xs].sort((a, b) => a - b);
const summary = (xs: number[]) => {
  const s = sort(xs);
  return `p50 ${round(percentile(s, 50))} ms, p95 ${round(percentile(s, 95))} ms, slowest ${round(s.at(-1)!)} ms`;
};

const database = await freshDatabase();
console.log(`Database: ${database.kind}`);
const { board } = await seedBoard(database.db, [{ name: 'To do', flowCategory: 'TODO' }]);
const card = await database.db.card.create({
  data: { boardId: board.id, columnId: board.columns[0]!.id, rank: 'm', title: 'Launch video' },
});
const dataDir = await mkdtemp(path.join(tmpdir(), 'amb-bench-files-'));
const copyDir = await mkdtemp(path.join(tmpdir(), 'amb-bench-copies-'));
const server = await startServer(database.url, freePort(), { env: { DATA_DIR: dataDir } });
try {
  const cookie = await signInCookie(server.url);
  const upload = async (name: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const started = performance.now();
    const res = await fetch(`${server.url}/api/cards/${card.id}/attachments`, {
      method: 'POST',
      headers: { origin: server.url, cookie },
      body: form,
    });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const attachment = (await res.json()) as { latest: { thumbnailUrl: string | null } };
    return { ms: performance.now() - started, attachment };
  };

  // One buffer of bytes that do not compress, sent 20 times at once.
  const bytes = Buffer.alloc(UPLOAD_MB * 1024 * 1024);
  for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, i);
  await upload('warm-up.bin', bytes.subarray(0, 1024 * 1024));

  // Baseline: the same bytes written to disk 20 at once.
  const copyMs = await Promise.all(
    Array.from({ length: UPLOADS }, async (_, i) => {
      const started = performance.now();
      await writeFile(path.join(copyDir, `copy-${i}.bin`), bytes);
      return performance.now() - started;
    }),
  );
  await rm(copyDir, { recursive: true, force: true });

  const before = treeRssMb(server.process.pid!);
  let peak = before;
  const watch = setInterval(() => (peak = Math.max(peak, treeRssMb(server.process.pid!))), 10);
  const uploadStarted = performance.now();
  const uploads = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => upload(`video-${i}.bin`, bytes)));
  const allUploadsMs = performance.now() - uploadStarted;
  clearInterval(watch);
  peak = Math.max(peak, treeRssMb(server.process.pid!));
  const rise = peak - before;
  console.log(
    `${UPLOADS} uploads of ${UPLOAD_MB} MB at once: all done in ${round(allUploadsMs)} ms; each ${summary(uploads.map((u) => u.ms))}`,
  );
  console.log(`Copying the same bytes to disk ${UPLOADS} at once: each ${summary(copyMs)}`);
  console.log(
    `API process memory: ${round(before)} MB before, ${round(peak)} MB at the peak: a rise of ${round(rise)} MB (target < 100 MB)`,
  );
  console.log(
    figure(
      'attachments',
      'upload-20x20MB-p95',
      percentile(sort(uploads.map((u) => u.ms)), 95),
      'ms',
      percentile(sort(copyMs), 95),
    ),
  );
  console.log(figure('attachments', 'api-memory-rise', rise, 'MB', 0));

  // Thumbnails: each of THUMBNAILS photos uploaded, then its thumbnail asked for twice (drawn, then kept).
  const photo = await sharp({
    create: {
      width: 6000,
      height: 4000,
      channels: 3,
      background: { r: 0, g: 0, b: 0 },
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
  console.log(`A 6,000 × 4,000 JPEG of ${round(photo.length / 1048576)} MB`);
  const fetchThumbnail = async (url: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${url}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`thumbnail: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return performance.now() - started;
  };
  const drawnMs: number[] = [];
  const keptMs: number[] = [];
  for (let i = 0; i < THUMBNAILS + 1; i++) {
    const { attachment } = await upload(`photo-${i}.jpg`, photo);
    const drawn = await fetchThumbnail(attachment.latest.thumbnailUrl!);
    const kept = await fetchThumbnail(attachment.latest.thumbnailUrl!);
    // The first is a warm-up.
    if (i === 0) continue;
    drawnMs.push(drawn);
    keptMs.push(kept);
  }
  console.log(`Thumbnail of a 6,000 × 4,000 JPEG, drawn on first request: ${summary(drawnMs)}`);
  console.log(`The same thumbnail once kept: ${summary(keptMs)}`);
  console.log(
    figure('attachments', 'thumbnail-6000x4000-p95', percentile(sort(drawnMs), 95), 'ms', percentile(sort(keptMs), 95)),
  );
} finally {
  await server.stop();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(copyDir, { recursive: true, force: true });
}
