import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The industry's harmless test file every virus scanner reports (as "Eicar-Test-Signature.UNOFFICIAL": ClamAV marks
 * signatures from outside its own databases so). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** Whether ClamAV's daemon is installed here (CI installs it; see .ci/run). */
export const clamdInstalled = () => spawnSync('clamd', ['--version']).status === 0;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A real ClamAV daemon on a loopback port, whose only signature is the EICAR test file's (ClamAV's own databases
 * need a download; one signature is enough to see a file refused), with a small stream limit to see that refusal.
 */
export async function startClamd({ streamMaxBytes = 1024 * 1024 } = {}) {
  const directory = await mkdtemp(path.join(tmpdir(), 'amb-clamd-'));
  const port = await freePort();
  const md5 = createHash('md5').update(EICAR).digest('hex');
  await writeFile(path.join(directory, 'test.hdb'), `${md5}:${Buffer.byteLength(EICAR)}:Eicar-Test-Signature\n`);
  const config = path.join(directory, 'clamd.conf');
  await writeFile(
    config,
    [
      `DatabaseDirectory ${directory}`,
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      'Foreground yes',
      `StreamMaxLength ${streamMaxBytes}`,
      `PidFile ${path.join(directory, 'clamd.pid')}`,
    ].join('\n'),
  );
  const child = spawn('clamd', ['-c', config], { stdio: 'ignore' });
  // Ready when it takes connections.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`clamd stopped at start (exit ${child.exitCode})`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    address: `127.0.0.1:${port}`,
    async close() {
      child.kill();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
