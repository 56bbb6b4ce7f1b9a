// Small helpers shared by the start, dev and test commands.
import { spawn, spawnSync } from 'node:child_process';
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

export const generateClient = () =>
  runOrExit('Generate the Prisma client', process.execPath, ['scripts/prisma.mjs', 'generate']);
export const buildWeb = () =>
  runOrExit('Build the web app', bin('vite'), ['build', '--logLevel', 'warn'], { cwd: path.join(root, 'apps/web') });
export const buildApi = () => runOrExit('Build the API', process.execPath, ['scripts/build-api.mjs']);
