// Checking uploaded files with a ClamAV daemon (clamd) over its INSTREAM command: the file's bytes go to clamd as
// they arrive, beside the storage, so a file is never held whole in memory and is checked by the time it is stored.
import net from 'node:net';
import { Writable } from 'node:stream';

/** What clamd said of a file. */
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/** One file being checked: write its bytes to `input`, then await `verdict`. */
export interface Scan {
  input: Writable;
  verdict: Promise<ScanVerdict>;
}

export interface VirusScanner {
  /** Where it scans, for the log. */
  address: string;
  start(): Scan;
}

const DEFAULT_PORT = 3310;

/** A scanner for `host` or `host:port` (an IPv6 address in brackets). */
export function clamdScanner(address: string): VirusScanner {
  const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(address)!;
  const host = match[1]!;
  const port = match[2] ? Number(match[2]) : DEFAULT_PORT;
  return { address: `${host}:${port}`, start: () => startScan(host, port) };
}

function startScan(host: string, port: number): Scan {
  const socket = net.connect({ host, port });
  const answer: Buffer[] = [];
  let resolveVerdict!: (v: ScanVerdict) => void;
  let rejectVerdict!: (e: Error) => void;
  const verdict = new Promise<ScanVerdict>((resolve, reject) => {
    resolveVerdict = resolve;
    rejectVerdict = reject;
  });
  // Awaited only after the upload; until then a failure must not count as unhandled.
  verdict.catch(() => {});
  // The write waiting for the socket: released on failure too, so the upload beside the scan never waits on it.
  let pending: (() => void) | null = null;
  const release = () => {
    const done = pending;
    pending = null;
    done?.();
  };
  // clamd cannot be reached, or answers with an error (a file too long for its StreamMaxLength, say).
  const fail = (why: string) => {
    rejectVerdict(new Error(`clamd at ${host}:${port}: ${why}`));
    socket.destroy();
    release();
  };
  socket.setTimeout(60_000, () => fail('no answer within a minute'));
  socket.on('error', (error) => fail(error.message));
  socket.on('data', (chunk) => answer.push(chunk));
  socket.on('end', () => {
    const text = Buffer.concat(answer).toString('utf8').replace(/\0/g, '').trim();
    const found = /^stream: (.+) FOUND$/.exec(text);
    if (found) resolveVerdict({ clean: false, signature: found[1]! });
    else if (text === 'stream: OK') resolveVerdict({ clean: true });
    else fail(`answered "${text.slice(0, 200)}"`);
  });
  socket.write('zINSTREAM\0');

  const frame = (chunk: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length);
    return Buffer.concat([length, chunk]);
  };
  let ended = false;
  const input = new Writable({
    write(chunk: Buffer, _encoding, done) {
      // Once clamd has answered early (a size limit), the rest of the file is not sent; the verdict says why.
      if (socket.destroyed || socket.writableEnded) return done();
      pending = done;
      socket.write(frame(chunk), release);
    },
    final(done) {
      ended = true;
      if (!socket.destroyed && !socket.writableEnded) socket.end(Buffer.alloc(4));
      done();
    },
    // Also called once the whole file is written; only before that is it the upload stopping half-way.
    destroy(error, done) {
      if (error || !ended) fail(error?.message ?? 'the upload stopped before the end of the file');
      done(error);
    },
  });
  // A failed scan ends the input quietly; the upload learns of it through the verdict.
  input.on('error', () => {});
  return { input, verdict };
}
