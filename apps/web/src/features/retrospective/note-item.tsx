import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Retrospective, RetrospectiveNote } from '@amb/shared/retrospectives';
import { principlesQuery } from '../../app/principles';
import { useConfirm } from '../../components/confirm-dialog';
import { shownText, TextWithMentions } from '../../components/mention-text';
import { ApiError } from '../../lib/api-client';
import { useConvertAction, useDeleteNote, useVote } from './api';
import { NoteEditForm } from './note-edit-form';

/** Where focus goes once the screen has caught up: a note itself, or its Edit button. */
export type NoteFocus = { noteId: string; on: 'note' | 'edit' };

interface Props {
  note: RetrospectiveNote;
  retro: Retrospective;
  canVote: boolean;
  canConvert: boolean;
  /** The reader may edit and delete it: their own note, or anyone's for a scrum master. */
  canChange: boolean;
  /** Focus asked for on this note; `onFocused` says it was taken. */
  focus: NoteFocus['on'] | null;
  onFocused: () => void;
  /** The edit form opened (with the note's text, shortened): the page notices if someone deletes the note meanwhile. */
  onEditOpened: (short: string) => void;
  /** The edit form closed, saved or not: focus goes back to the note's Edit button, wherever the note now is. */
  onEditClosed: () => void;
  onDeleted: (dotsReturned: number) => void;
}

/** One note: its text and principle, its votes (with the reader's own dots to add or take back), its card. */
export function NoteItem({
  note,
  retro,
  canVote,
  canConvert,
  canChange,
  focus,
  onFocused,
  onEditOpened,
  onEditClosed,
  onDeleted,
}: Props) {
  const { data: principles = [] } = useQuery(principlesQuery);
  const vote = useVote(retro.sprintId);
  const convert = useConvertAction(retro.sprintId);
  const remove = useDeleteNote(retro.sprintId);
  const [confirm, confirmDialog] = useConfirm();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notTold, setNotTold] = useState<string | null>(null);
  const itemRef = useRef<HTMLLIElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : 'That did not work; try again.');
  const principle = principles.find((p) => p.id === note.principleId);
  const open = retro.state === 'OPEN';
  // Votes left are announced at the top of the page; only a refusal is said here, on the note.
  const setDots = (dots: number) =>
    vote.mutate({ noteId: note.id, dots }, { onError: fail, onSuccess: () => setError(null) });
  const shown = shownText(note.text, note.mentions);
  const short = shown.length > 40 ? `${shown.slice(0, 39)}…` : shown;

  useEffect(() => {
    if (!focus || editing) return;
    (focus === 'edit' ? editRef : itemRef).current?.focus();
    onFocused();
  }, [focus, editing, onFocused]);

  const deleteNote = async () => {
    const votes =
      note.dots === 0
        ? ''
        : note.dots === 1
          ? ' Its 1 vote goes back to the person who placed it.'
          : ` Its ${note.dots} votes go back to those who placed them.`;
    const ok = await confirm({
      title: 'Delete this note?',
      message: `“${short}” leaves the retrospective for everyone.${votes}`,
      confirmLabel: 'Delete note',
    });
    if (!ok) return;
    try {
      const { dotsReturned } = await remove.mutateAsync(note.id);
      onDeleted(dotsReturned);
    } catch (e) {
      fail(e);
    }
  };

  return (
    // Focusable from code only: after a neighbouring note is deleted, focus lands here, not on the page.
    <li className="retro-note" ref={itemRef} tabIndex={-1}>
      {editing ? (
        <NoteEditForm
          note={note}
          sprintId={retro.sprintId}
          teamId={retro.teamId}
          short={short}
          onDone={(warning) => {
            setEditing(false);
            setError(null);
            setNotTold(warning ?? null);
            onEditClosed();
          }}
        />
      ) : (
        <>
          <p className="note-text">
            <TextWithMentions text={note.text} people={note.mentions} />
          </p>
          <div className="note-meta-row">
            <p className="note-meta muted">
              {principle && <span className="principle-tag">{principle.name}</span>}
              <span>{note.authorName ?? 'Someone'}</span>
              {note.editedAt && <span>(edited)</span>}
            </p>
            {canChange && (
              <span className="note-actions">
                <button
                  type="button"
                  className="quiet"
                  ref={editRef}
                  onClick={() => {
                    setEditing(true);
                    onEditOpened(short);
                  }}
                >
                  Edit<span className="visually-hidden"> “{short}”</span>
                </button>
                <button
                  type="button"
                  className="quiet danger-text"
                  onClick={() => !remove.isPending && void deleteNote()}
                >
                  Delete<span className="visually-hidden"> “{short}”</span>
                </button>
              </span>
            )}
          </div>
        </>
      )}
      <div className="note-votes">
        <span className="dots" aria-label={`${note.dots} vote${note.dots === 1 ? '' : 's'}`}>
          <span aria-hidden="true">{'●'.repeat(Math.min(note.dots, 12))}</span> {note.dots} vote
          {note.dots === 1 ? '' : 's'}
          {note.myDots > 0 && <span className="mine"> · {note.myDots} yours</span>}
        </span>
        {canVote && open && (
          <span className="vote-buttons">
            <button
              type="button"
              aria-label={`Take back a vote from “${short}”`}
              disabled={note.myDots === 0 || vote.isPending}
              onClick={() => setDots(note.myDots - 1)}
            >
              −
            </button>
            <button
              type="button"
              aria-label={`Vote for “${short}”`}
              disabled={retro.myDotsLeft === 0 || vote.isPending}
              onClick={() => setDots(note.myDots + 1)}
            >
              + Vote
            </button>
          </span>
        )}
      </div>
      {note.group === 'ACTION' &&
        (note.card ? (
          <p className="note-card">
            Card: <Link to={`/teams/${retro.teamId}/board/cards/${note.card.cardId}`}>{note.card.title}</Link>{' '}
            <CardState card={note.card} />
          </p>
        ) : (
          canConvert && (
            <button
              type="button"
              className="primary convert"
              disabled={convert.isPending}
              onClick={() => convert.mutate(note.id, { onError: fail, onSuccess: () => setError(null) })}
            >
              Make a backlog card<span className="visually-hidden"> from “{short}”</span>
            </button>
          )
        ))}
      {notTold && (
        <p className="mention-warning" role="status">
          {notTold}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {confirmDialog}
    </li>
  );
}

export function CardState({ card }: { card: NonNullable<RetrospectiveNote['card']> }) {
  if (card.archived) return <span className="badge">archived</span>;
  return card.done ? <span className="badge good">✓ done</span> : <span className="badge">not done yet</span>;
}
