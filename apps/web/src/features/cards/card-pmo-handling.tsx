import { useId, useState } from 'react';
import type { CardDetail } from '@amb/shared/cards';
import { PMO_NOTE_MAX, type PmoHandling } from '@amb/shared/obstacles';
import { useTeamAbility } from '../../app/team-access';
import type { ApiError } from '../../lib/api-client';
import { setPmoHandling } from './api';

const stateWords: Record<PmoHandling['state'], string> = {
  escalated: 'Escalated to the PMO, waiting for someone to take it on',
  handling: 'Being handled by the PMO',
  cleared: 'Cleared by the PMO: unblock the card when the work can go on',
};

/**
 * The PMO's side of an escalated obstacle, as the team reads it: the state, who handles it and their note. The PMO
 * and admins take it on or mark it cleared here, with a note the team sees.
 */
export function CardPmoHandling({
  card,
  write,
}: {
  card: CardDetail;
  write: (action: () => Promise<unknown>, done?: string) => Promise<ApiError | null>;
}) {
  const pmo = card.pmo;
  const canHandle = useTeamAbility(card.teamId)('handle-obstacles');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  if (!pmo) return null;

  const send = async (state: 'handling' | 'cleared') => {
    setBusy(true);
    setError(null);
    const failed = await write(
      () => setPmoHandling(card.id, state, note),
      state === 'handling'
        ? 'Marked as being handled; the team sees your note.'
        : 'Marked as cleared; the team sees your note.',
    );
    setBusy(false);
    const noteError = failed?.fields.find((f) => f.field === 'body.note');
    if (failed) setError(noteError ? `Note ${noteError.message}` : (failed.fields[0]?.message ?? failed.message));
    else setNote('');
  };

  return (
    <section className={`pmo-handling pmo-state-${pmo.state}`} aria-labelledby={`${noteId}-title`}>
      <h3 id={`${noteId}-title`}>
        <span aria-hidden="true">⚑ </span>PMO: {stateWords[pmo.state]}
      </h3>
      {pmo.handler && (
        <p className="pmo-by">
          {pmo.state === 'cleared' ? 'Cleared by' : 'Handled by'} <strong>{pmo.handler.name}</strong>
          {pmo.at && <span className="muted"> · {new Date(pmo.at).toLocaleString()}</span>}
        </p>
      )}
      {pmo.note && <blockquote className="pmo-note">{pmo.note}</blockquote>}
      {canHandle && !card.archivedAt && (
        <form
          className="pmo-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send('handling');
          }}
        >
          <label htmlFor={noteId}>Note for the team</label>
          <textarea
            id={noteId}
            value={note}
            maxLength={PMO_NOTE_MAX}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${noteId}-error` : undefined}
            placeholder="What the PMO is doing about it, and when the team hears next"
          />
          {error && (
            <p id={`${noteId}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="pmo-buttons">
            <button type="submit" className="primary" disabled={busy}>
              {pmo.state === 'handling' ? 'Update the note' : 'Mark as being handled'}
            </button>
            {pmo.state !== 'cleared' && (
              <button type="button" disabled={busy} onClick={() => void send('cleared')}>
                Mark as cleared
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
