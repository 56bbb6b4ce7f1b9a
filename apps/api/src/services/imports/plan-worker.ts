import { parentPort, threadId } from 'node:worker_threads';
import { checkImportFile, type ImportCheckInput } from './check-import-file';

// The worker thread that checks import files (import-checker.ts), so that a large file never holds the API's event loop.

async function check({ id, input }: { id: number; input: ImportCheckInput }) {
  try {
    parentPort!.postMessage({ id, threadId, result: await checkImportFile(input) });
  } catch (error) {
    parentPort!.postMessage({
      id,
      threadId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}

// Reading a workbook is asynchronous: files are still checked one at a time, in the order they came.
let queue = Promise.resolve();
parentPort!.on('message', (message: { id: number; input: ImportCheckInput }) => {
  queue = queue.then(() => check(message));
});
