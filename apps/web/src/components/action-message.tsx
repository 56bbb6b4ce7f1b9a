import { useState } from 'react';
import { ApiError } from '../lib/api-client';

type Message = { text: string; error: boolean } | null;

/** What came of the last action on a screen: a confirmation, or why it was refused. */
export function useActionMessage() {
  const [message, setMessage] = useState<Message>(null);
  return {
    message,
    say: (text: string) => setMessage({ text, error: false }),
    sayError: (text: string) => setMessage({ text, error: true }),
    fail: (error: unknown) =>
      setMessage({ text: error instanceof ApiError ? error.message : 'That did not work; try again.', error: true }),
  };
}

/** Shows it where the person is looking, and announces it to screen readers. */
export function ActionMessage({ message }: { message: Message }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={message?.error ? 'form-error' : 'muted'}
      style={{ minHeight: '1.2em', margin: 0 }}
    >
      {message?.text}
    </p>
  );
}
