import { useState } from 'react';
import { Link } from 'react-router';
import type { Retrospective, RetrospectiveNote } from '@amb/shared/retrospectives';
import { useActivePrinciples } from '../../app/principles';
import { ApiError } from '../../lib/api-client';
import { useConvertAction, useVote } from './api';

interface Props {
  note: RetrospectiveNote;
  retro: Retrospective;
  canVote: boolean;
  canConvert: boolean;
}

/** One note: its text and principle, its votes (with the reader's own dots to add or take back), its card. */
export function NoteItem({ note, retro, canVote, canConvert }: Props) {
  const principles = useActivePrinciples();
  const vote = useVote(retro.sprintId);
  const convert = useConvertAction(retro.sprintId);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : 'That did not work; try again.');
  const principle = principles.find((p) => p.id === note.principleId);
  const open = retro.state === 'OPEN';
  // Votes left are announced at the top of the page; only a refusal is said here, on the note.
  const setDots = (dots: number) => vote.mutate({ noteId: note.id, dots }, { onError: fail, onSuccess: () => setError(null) });
  const short = note.text.length > 40 ? `${note.text.slice(0, 39)}…` : note.text;
  return (
    <li className="retro-note">
      <p className="note-text">{note.text}</p>
      <p className="note-meta muted">
        {principle && <span className="principle-tag">{principle.name}</span>}
        <span>{note.authorName ?? 'Someone'}</span>
      </p>
      <div className="note-votes">
        <span className="dots" aria-label={`${note.dots} vote${note.dots === 1 ? '' : 's'}`}>
          <span aria-hidden="true">{'●'.repeat(Math.min(note.dots, 12))}</span> {note.dots} vote{note.dots === 1 ? '' : 's'}
          {note.myDots > 0 && <span className="mine"> · {note.myDots} yours</span>}
        </span>
        {canVote && open && (
          <span className="vote-buttons">
            <button type="button" aria-label={`Take back a vote from “${short}”`} disabled={note.myDots === 0 || vote.isPending} onClick={() => setDots(note.myDots - 1)}>
              −
            </button>
            <button type="button" aria-label={`Vote for “${short}”`} disabled={retro.myDotsLeft === 0 || vote.isPending} onClick={() => setDots(note.myDots + 1)}>
              + Vote
            </button>
          </span>
        )}
      </div>
      {note.group === 'ACTION' &&
        (note.card ? (
          <p className="note-card">
            Card:{' '}
            <Link to={`/teams/${retro.teamId}/board/cards/${note.card.cardId}`}>{note.card.title}</Link> <CardState card={note.card} />
          </p>
        ) : (
          canConvert && (
            <button type="button" className="primary convert" disabled={convert.isPending} onClick={() => convert.mutate(note.id, { onError: fail, onSuccess: () => setError(null) })}>
              Make a backlog card<span className="visually-hidden"> from “{short}”</span>
            </button>
          )
        ))}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </li>
  );
}

export function CardState({ card }: { card: NonNullable<RetrospectiveNote['card']> }) {
  if (card.archived) return <span className="badge">archived</span>;
  return card.done ? <span className="badge good">✓ done</span> : <span className="badge">not done yet</span>;
}
