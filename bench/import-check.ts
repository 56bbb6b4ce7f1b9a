// Checking the largest Trello file an import takes (bench/support-large-trello-file.ts: 10,000 cards, 70,000
// checklist items, 20,000 comments) in the import checker's worker thread, while a timer on this thread notes
// how late it fires: the longest delay is what every other request would have waited. Baseline:
// the same check on this thread, as it was done inside the request.
import { ImportChecker } from '../apps/api/src/services/imports/import-checker';
import { checkImportFile, type ImportCheckInput } from '../apps/api/src/services/imports/check-import-file';
import { figure, round } from './support';
import { largeTrelloBoard } from './support-large-trello-file';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const file = JSON.stringify(largeTrelloBoard());
const input: ImportCheckInput = {
  body: { format: 'trello', fileName: 'large.json', content: Buffer.from(file).toString('base64') },
  boardColumns: ['To do'],
};
console.log(`File: ${round(Buffer.byteLength(file) / 1024 / 1024, 2)} MB`);

/**
 * Runs `work` RUNS times while a timer due every 5 ms notes how late it fires; the latest it came (how long the
 * event loop was held) and the mean time the work took.
 */
async function watch(work: () => Promise<unknown>) {
  let maxDelay = 0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      maxDelay = Math.max(maxDelay, now - last - 5);
      last = now;
    }, 5);
    // The timer's first turn, then the work.
    await new Promise((r) => setTimeout(r, 20));
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
    // Let the loop turn once more, so a delay at the very end is counted.
    await new Promise((r) => setTimeout(r, 20));
    clearInterval(tick);
  }
  return { maxDelay, meanMs: times.reduce((a, b) => a + b, 0) / times.length };
}

const checker = new ImportChecker();
// The worker's start (and, from TypeScript, its compiling) is once per process: not part of a check.
await checker.check({
  body: { format: 'csv', fileName: 'x.csv', content: Buffer.from('title\nx\n').toString('base64') },
  boardColumns: [],
});
const onThread = await watch(async () => checkImportFile(input));
const inWorker = await watch(() => checker.check(input));
await checker.close();

console.log(
  `Check on the event loop (before): ${round(onThread.meanMs)} ms, longest event-loop delay ${round(onThread.maxDelay)} ms`,
);
console.log(
  `Check in the worker thread:       ${round(inWorker.meanMs)} ms, longest event-loop delay ${round(inWorker.maxDelay)} ms`,
);
console.log(
  figure('import-check', 'longest event-loop delay while checking', inWorker.maxDelay, 'ms', onThread.maxDelay),
);
console.log(figure('import-check', 'time to check', inWorker.meanMs, 'ms', onThread.meanMs));
