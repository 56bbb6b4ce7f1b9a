// npm test: every check. First what does not depend on a database, once: types, lint, the domain, shared and web
// unit tests, the formatting, the web build. Then, on each database, the API tests and the browser tests.
//
//   npm test                                   on PostgreSQL when DATABASE_URL names a server, else the embedded one
//   npm test -- --databases=postgresql,embedded   on both, one after the other (CI; needs DATABASE_URL)
//   npm run test:unit                          only the part without a database and without the build (no browser)
//
// With PostgreSQL the API tests create their own databases on DATABASE_URL's server. Ends with one line:
// "N passed, N failed".
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, buildWeb, generateClient, run } from './steps.mjs';

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const databasesArg = args.find((a) => a.startsWith('--databases='))?.slice('--databases='.length);
const serverUrl = process.env.DATABASE_URL;
const databases = databasesArg ? databasesArg.split(',') : [serverUrl ? 'postgresql' : 'embedded'];
for (const database of databases) {
  if (!['postgresql', 'embedded'].includes(database)) {
    console.error(
      `Unknown database "${database}": say postgresql, embedded or both (--databases=postgresql,embedded).`,
    );
    process.exit(2);
  }
  if (database === 'postgresql' && !serverUrl) {
    console.error('The PostgreSQL run needs DATABASE_URL (for example postgresql://postgres@127.0.0.1:5432/postgres).');
    process.exit(2);
  }
}

const reports = mkdtempSync(path.join(tmpdir(), 'amb-test-'));
/** One line per step for the summary: its label, whether it passed, and what its runner counted. */
const steps = [];
let reportCount = 0;

function step(label, command, args, options = {}) {
  const started = Date.now();
  const code = run(label, command, args, options);
  const entry = { label, ok: code === 0, seconds: (Date.now() - started) / 1000, passed: 0, failed: 0 };
  if (options.report && existsSync(options.report))
    Object.assign(entry, options.count(JSON.parse(readFileSync(options.report, 'utf8'))));
  // A step that failed before its runner could count (a compile error, a server that did not start) counts as one.
  if (!entry.ok && entry.failed === 0) entry.failed = 1;
  steps.push(entry);
}

const countVitest = (v) => ({ passed: v.numPassedTests, failed: v.numFailedTests });
const countPlaywright = (p) => ({ passed: p.stats.expected + p.stats.flaky, failed: p.stats.unexpected });

function vitest(label, projects, env) {
  const report = path.join(reports, `vitest-${++reportCount}.json`);
  const projectArgs = projects.flatMap((p) => ['--project', p]);
  step(
    label,
    bin('vitest'),
    ['run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      env,
      report,
      count: countVitest,
    },
  );
}

function playwright(label, env) {
  const report = path.join(reports, `playwright-${++reportCount}.json`);
  step(label, bin('playwright'), ['test', '--reporter=list,json'], {
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report },
    report,
    count: countPlaywright,
  });
}

// ---- Once: nothing here reads a database -------------------------------------------------------------------------
generateClient();
step('Type check', bin('tsc'), ['-p', 'tsconfig.json']);
step('Type check (web)', bin('tsc'), ['-p', 'apps/web/tsconfig.json']);
step('Lint', bin('eslint'), ['.', '--max-warnings=0']);
step('Format', bin('prettier'), ['--check', '--log-level=warn', '.']);
vitest('Unit tests (domain, shared, web)', ['domain', 'shared', 'web'], process.env);

// ---- On each database ----------------------------------------------------------------------------------------------
if (!unitOnly) {
  buildWeb();
  for (const database of databases) {
    const name = database === 'postgresql' ? 'PostgreSQL' : 'embedded';
    const env = { ...process.env };
    if (database === 'embedded') delete env.DATABASE_URL;
    console.log(
      `\n=== On ${database === 'postgresql' ? serverUrl.replace(/\/\/[^@]*@/, '//…@') : 'the embedded database'} ===`,
    );
    vitest(`API tests (${name})`, ['api'], env);
    playwright(`Browser tests (Chromium, ${name})`, env);
  }
}

// ---- Totals ----------------------------------------------------------------------------------------------------------
console.log('\nStep                                        Result  Passed  Failed    Time');
for (const s of steps) {
  const counted = s.passed + s.failed > 0;
  console.log(
    `${s.label.padEnd(44)}${(s.ok ? 'ok' : 'FAILED').padEnd(8)}${(counted ? String(s.passed) : '').padStart(6)}` +
      `${(counted ? String(s.failed) : '').padStart(8)}${`${s.seconds.toFixed(0)}s`.padStart(8)}`,
  );
}
const failedSteps = steps.filter((s) => !s.ok).map((s) => s.label);
const passed = steps.reduce((n, s) => n + s.passed, 0);
const failed = steps.reduce((n, s) => n + s.failed, 0);
console.log(failedSteps.length ? `\nFailed steps: ${failedSteps.join(', ')}` : '\nEvery step passed.');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSteps.length ? 1 : 0);
