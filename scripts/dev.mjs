// npm run dev: the API with reload on change, and Vite's dev server (which forwards /api to it).
import path from 'node:path';
import { spawn } from 'node:child_process';
import { bin, generateClient, root } from './steps.mjs';

generateClient();
const children = [
  spawn(bin('tsx'), ['watch', 'apps/api/src/server.ts'], { stdio: 'inherit', cwd: root }),
  spawn(bin('vite'), [], { stdio: 'inherit', cwd: path.join(root, 'apps/web') }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => code && process.exit(code)));
