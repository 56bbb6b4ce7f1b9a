import { Worker } from 'node:worker_threads';
import type { ImportCheck, ImportCheckInput } from './check-import-file';

/** Where the worker's code is: beside this file when run from TypeScript (tests, dev), else the built bundle's. */
function workerSource(): { code: string | URL; eval: boolean } {
  if (import.meta.url.endsWith('.ts')) {
    // TypeScript in a worker: tsx loads it there as it does here (a worker does not inherit the loader).
    const file = new URL('./plan-worker.ts', import.meta.url).href;
    return {
      code: `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}))`,
      eval: true,
    };
  }
  return { code: new URL('./import-plan-worker.js', import.meta.url), eval: false };
}

interface Pending {
  resolve: (result: ImportCheck & { threadId: number }) => void;
  reject: (error: Error) => void;
}

/**
 * Checks import files in one worker thread, one file at a time, in the order asked: decoding, parsing and planning a
 * 5 MB file takes a second or more of CPU, which on the event loop would stall every other request. The worker is
 * started on first use and kept; a worker that dies fails what it was checking and is started again on next use.
 */
export class ImportChecker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  check(input: ImportCheckInput): Promise<ImportCheck & { threadId: number }> {
    const worker = this.worker ?? this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, input });
    });
  }

  private startWorker() {
    const source = workerSource();
    const worker = new Worker(source.code, { eval: source.eval });
    // An idle worker does not keep the process alive.
    worker.unref();
    worker.on('message', (m: { id: number; threadId: number; result?: ImportCheck; error?: string }) => {
      const waiting = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.result) waiting?.resolve({ ...m.result, threadId: m.threadId });
      else waiting?.reject(new Error(`Checking an import file failed: ${m.error}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The import checker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  async close() {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
