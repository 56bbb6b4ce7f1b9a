import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { editNoteBodySchema, type EditNoteBody, type RetrospectiveNote } from '@amb/shared/retrospectives';
import { FieldError } from '../../components/field-error';
import { notToldWarning, useMentionText } from '../../components/mention-text';
import { applyApiErrors } from '../../lib/form-errors';
import { useEditNote } from './api';
import { noteGroups, NoteTextField, PrincipleSelect, principleValue } from './note-fields';

/**
 * Changing a note in place: its text, group and principle. Only what changed is sent, so a principle archived since
 * the note was tagged does not stop a reworded text. `onDone` closes the form, saved or not, with a warning to show
 * when a new mention reaches no one.
 */
export function NoteEditForm({
  note,
  sprintId,
  teamId,
  short,
  onDone,
}: {
  note: RetrospectiveNote;
  sprintId: string;
  teamId: string;
  short: string;
  onDone: (notTold?: string | null) => void;
}) {
  const id = useId();
  const edit = useEditNote(sprintId);
  const form = useForm<EditNoteBody>({
    resolver: zodResolver(editNoteBodySchema),
    defaultValues: { text: note.text, group: note.group, principleId: note.principleId },
  });
  const text = useMentionText(note.text, note.mentions, (stored) =>
    form.setValue('text', stored, { shouldDirty: true }),
  );
  const { errors } = form.formState;
  useEffect(() => {
    // Straight into the text, at its end, as where the person left off.
    const text = document.getElementById(`${id}-text`) as HTMLTextAreaElement | null;
    text?.focus();
    text?.setSelectionRange(text.value.length, text.value.length);
  }, [id]);
  const submit = form.handleSubmit(async (values) => {
    const body: EditNoteBody = {};
    if (values.text !== note.text) body.text = values.text;
    if (values.group !== note.group) body.group = values.group;
    if ((values.principleId ?? null) !== note.principleId) body.principleId = values.principleId ?? null;
    if (Object.keys(body).length === 0) return onDone();
    try {
      const written = await edit.mutateAsync({ noteId: note.id, body });
      onDone(notToldWarning(written.unreachedMentions, text, 'the team’s retrospective'));
    } catch (e) {
      const message = applyApiErrors(e, form.setError, ['text', 'group', 'principleId']);
      if (message) form.setError('root', { message });
    }
  });
  return (
    <form
      className="note-form note-edit"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Edit “${short}”`}
      // Escape anywhere in the form lets go without saving.
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone();
        }
      }}
    >
      <NoteTextField
        id={id}
        label="Note text"
        error={errors.text}
        teamId={teamId}
        mention={text}
        onSubmit={() => void submit()}
      />
      <div className="note-form-row">
        <label className="principle-pick">
          <span className="pick-label">Group</span>
          <select {...form.register('group')}>
            {noteGroups.map((g) => (
              <option key={g.group} value={g.group}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <PrincipleSelect
          label="Principle"
          current={note.principleId}
          registration={form.register('principleId', principleValue)}
        />
      </div>
      <FieldError id={`${id}-group-error`} label="The group" error={errors.group} />
      <FieldError id={`${id}-principle-error`} label="The principle" error={errors.principleId} />
      {errors.root && (
        <p role="alert" className="form-error">
          {errors.root.message}
        </p>
      )}
      <div className="note-form-row">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          Save
        </button>
        <button type="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
