import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { NOTE_MAX_LENGTH, type RetrospectiveGroup } from '@amb/domain/retrospective';
import { addNoteBodySchema, type AddNoteBody } from '@amb/shared/retrospectives';
import { useActivePrinciples } from '../../app/principles';
import { FieldError } from '../../components/field-error';
import { applyApiErrors } from '../../lib/form-errors';
import { useAddNote } from './api';

/** Adding a note to one group, with a manifesto principle if it speaks to one. */
export function NoteForm({ sprintId, group, label }: { sprintId: string; group: RetrospectiveGroup; label: string }) {
  const id = useId();
  const add = useAddNote(sprintId);
  const principles = useActivePrinciples();
  const form = useForm<AddNoteBody>({ resolver: zodResolver(addNoteBodySchema), defaultValues: { group, text: '', principleId: null } });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    try {
      await add.mutateAsync({ ...body, principleId: body.principleId || null });
      form.reset({ group, text: '', principleId: body.principleId || null });
    } catch (e) {
      const message = applyApiErrors(e, form.setError, ['text', 'principleId']);
      if (message) form.setError('root', { message });
    }
  });
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        New note: {label}
      </label>
      <textarea
        id={`${id}-text`}
        rows={2}
        maxLength={NOTE_MAX_LENGTH + 50}
        placeholder={group === 'ACTION' ? 'An action to try next sprint…' : 'Add a note…'}
        aria-invalid={Boolean(errors.text)}
        aria-describedby={errors.text ? `${id}-text-error` : undefined}
        {...form.register('text')}
        onKeyDown={(e) => {
          // Enter adds the note, as on a sticky-note wall; Shift+Enter starts a new line.
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <FieldError id={`${id}-text-error`} label="The note" error={errors.text} />
      <div className="note-form-row">
        <label className="principle-pick">
          <span className="visually-hidden">Principle ({label})</span>
          <select {...form.register('principleId')}>
            <option value="">No principle</option>
            {principles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={form.formState.isSubmitting}>
          Add<span className="visually-hidden"> to {label}</span>
        </button>
      </div>
      <FieldError id={`${id}-principle-error`} label="The principle" error={errors.principleId} />
      {errors.root && (
        <p role="alert" className="form-error">
          {errors.root.message}
        </p>
      )}
    </form>
  );
}
