// Small helpers shared by the start, dev and test commands.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const bin = (name) => path.join(root, 'node_modules/.bin', name);

/** Runs a command to completion, printing its output; returns its exit code. */
export function run(label, command, args, options = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const code = result.status ?? 1;
  console.log(`${code === 0 ? '✔' : '✘'} ${label} (${seconds}s)`);
  return code;
}

export function runOrExit(label, command, args, options) {
  const code = run(label, command, args, options);
  if (code !== 0) process.exit(code);
}

/** Starts a long-running process and forwards Ctrl+C to it. */
export function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root, ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
  return child;
}

/** Folders no build reads: what builds write, and what npm installs. */
const skipped = new Set(['node_modules', 'dist', '.vite']);

/** A fingerprint of the files a step reads: each one's path, size and time of last change. */
function fingerprint(inputs) {
  const hash = createHash('sha1');
  const visit = (abs) => {
    if (!existsSync(abs)) return;
    const stat = statSync(abs);
    if (stat.isDirectory()) {
      for (const name of readdirSync(abs).sort()) if (!skipped.has(name)) visit(path.join(abs, name));
    } else hash.update(`${path.relative(root, abs)}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const input of inputs) visit(path.join(root, input));
  return hash.digest('hex');
}

/**
 * Runs a build step unless nothing it reads has changed since it last wrote `output` (a later `npm start` then
 * starts in seconds). The fingerprints are kept with npm's caches; without its output the step runs again.
 */
function buildUnlessUnchanged(label, inputs, output, build) {
  const stampFile = path.join(
    root,
    'node_modules/.cache/agile-marketing-board',
    `${label.replace(/\W+/g, '-')}.built-from`,
  );
  const now = fingerprint(inputs);
  if (existsSync(path.join(root, output)) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === now) {
    console.log(`✔ ${label}: unchanged since the last build`);
    return;
  }
  build();
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, now);
}

const shared = ['packages/shared/src', 'packages/domain/src', 'package-lock.json'];

export const generateClient = () =>
  buildUnlessUnchanged(
    'Generate the Prisma client',
    ['prisma/schema.prisma', 'package-lock.json', 'scripts/prisma.mjs'],
    'apps/api/src/generated/prisma/client.ts',
    () => runOrExit('Generate the Prisma client', process.execPath, ['scripts/prisma.mjs', 'generate']),
  );
export const buildWeb = () =>
  buildUnlessUnchanged('Build the web app', ['apps/web', ...shared], 'apps/web/dist/index.html', () =>
    runOrExit('Build the web app', bin('vite'), ['build', '--logLevel', 'warn'], { cwd: path.join(root, 'apps/web') }),
  );
export const buildApi = () =>
  buildUnlessUnchanged(
    'Build the API',
    ['apps/api/src', 'apps/api/package.json', 'scripts/build-api.mjs', ...shared],
    'apps/api/dist/server.js',
    () => runOrExit('Build the API', process.execPath, ['scripts/build-api.mjs']),
  );
