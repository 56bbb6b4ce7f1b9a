// npm test: every check, in order: types, lint, unit and API tests (on a real database), browser tests.
// With DATABASE_URL the API tests create fresh databases on that PostgreSQL server; without it they use
// the embedded database. Ends with one line: "N passed, N failed".
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, buildWeb, generateClient, run } from './steps.mjs';

const reports = mkdtempSync(path.join(tmpdir(), 'amb-test-'));
const failures = [];
const step = (label, command, args, options) => {
  if (run(label, command, args, options) !== 0) failures.push(label);
};

console.log(`Database for tests: ${process.env.DATABASE_URL ? process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//…@') : 'embedded (set DATABASE_URL to use PostgreSQL)'}`);
generateClient();
step('Type check', bin('tsc'), ['-p', 'tsconfig.json']);
step('Type check (web)', bin('tsc'), ['-p', 'apps/web/tsconfig.json']);
step('Lint', bin('eslint'), ['.', '--max-warnings=0']);

const vitestReport = path.join(reports, 'vitest.json');
step('Unit and API tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);

buildWeb();
const playwrightReport = path.join(reports, 'playwright.json');
step('Browser tests (Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
});

let passed = 0;
let failed = 0;
if (existsSync(vitestReport)) {
  const v = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (existsSync(playwrightReport)) {
  const p = JSON.parse(readFileSync(playwrightReport, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
}
// A step that failed before its runner could count (a compile error, a server that did not start) counts as one failure.
if (failures.length && failed === 0) failed = failures.length;
console.log(failures.length ? `\nFailed steps: ${failures.join(', ')}` : '\nEvery step passed.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
