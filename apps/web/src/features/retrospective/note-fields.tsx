import type { KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { FieldError as HookFieldError, UseFormRegisterReturn } from 'react-hook-form';
import { NOTE_MAX_LENGTH, type RetrospectiveGroup } from '@amb/domain/retrospective';
import { principlesQuery } from '../../app/principles';
import { FieldError } from '../../components/field-error';
import { MentionTextarea, type useMentionText } from '../../components/mention-text';
import { fetchMentionCandidates } from './api';

// The fields a note is written with, shared by adding one and editing one.

export const noteGroups: { group: RetrospectiveGroup; label: string; empty: string }[] = [
  { group: 'WENT_WELL', label: 'Went well', empty: 'Nothing here yet.' },
  { group: 'TO_IMPROVE', label: 'To improve', empty: 'Nothing here yet.' },
  { group: 'ACTION', label: 'Actions', empty: 'No actions yet: what will the team try next sprint?' },
];

/** "No principle" is sent as null, not as an empty id. */
export const principleValue = { setValueAs: (v: string | null) => v || null };

/**
 * The note's text. Enter saves, as on a sticky-note wall; Shift+Enter starts a new line. Typing `@` offers the
 * team's people to mention (Enter then picks one).
 */
export function NoteTextField(p: {
  id: string;
  label: string;
  placeholder?: string;
  error: HookFieldError | undefined;
  teamId: string;
  mention: ReturnType<typeof useMentionText>;
  onSubmit: () => void;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      p.onSubmit();
    }
  };
  return (
    <>
      <MentionTextarea
        label={p.label}
        placeholder={p.placeholder}
        mention={p.mention}
        candidates={(q, signal) => fetchMentionCandidates(p.teamId, q, signal)}
        candidatesKey={['teams', p.teamId]}
        textareaProps={{
          id: `${p.id}-text`,
          maxLength: NOTE_MAX_LENGTH + 50,
          'aria-invalid': Boolean(p.error),
          'aria-describedby': p.error ? `${p.id}-text-error` : undefined,
        }}
        onKeyDown={onKeyDown}
      />
      <FieldError id={`${p.id}-text-error`} label="The note" error={p.error} />
    </>
  );
}

/** The manifesto principle a note speaks to. One archived since the note was tagged stays on offer for that note. */
export function PrincipleSelect({
  label,
  hideLabel,
  current,
  registration,
}: {
  label: string;
  hideLabel?: boolean;
  current?: string | null;
  registration: UseFormRegisterReturn;
}) {
  const { data: all = [] } = useQuery(principlesQuery);
  const options = all.filter((p) => !p.archived || p.id === current);
  return (
    <label className="principle-pick">
      <span className={hideLabel ? 'visually-hidden' : 'pick-label'}>{label}</span>
      <select {...registration}>
        <option value="">No principle</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.archived ? ' (archived)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
