import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port that keeps every message it is sent, for tests of mail the app
 * sends. `next()` resolves with the next message to arrive (or one that arrived since the last call).
 */
export async function startMailCatcher() {
  const mails: CaughtMail[] = [];
  const listeners = new Set<() => void>();
  let taken = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          // Undo quoted-printable soft line breaks so tests can find whole links.
          raw: Buffer.concat(chunks)
            .toString('utf8')
            .replace(/=\r?\n/g, '')
            .replace(/=3D/g, '='),
        };
        mails.push(mail);
        for (const l of listeners) l();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port,
    mails,
    /** The next message not yet taken by an earlier call, waiting for it if needed. */
    next(): Promise<CaughtMail> {
      const index = taken++;
      return new Promise((resolve) => {
        const check = () => {
          if (!mails[index]) return;
          listeners.delete(check);
          resolve(mails[index]);
        };
        listeners.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
