import { parentPort, threadId } from 'node:worker_threads';
import { checkImportFile, type ImportCheckInput } from './check-import-file';

// The worker thread that checks import files (import-checker.ts), so that a large file never holds the API's event loop.

parentPort!.on('message', ({ id, input }: { id: number; input: ImportCheckInput }) => {
  try {
    parentPort!.postMessage({ id, threadId, result: checkImportFile(input) });
  } catch (error) {
    parentPort!.postMessage({
      id,
      threadId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
