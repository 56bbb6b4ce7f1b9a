import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { RetrospectiveGroup } from '@amb/domain/retrospective';
import { addNoteBodySchema, type AddNoteBody } from '@amb/shared/retrospectives';
import { FieldError } from '../../components/field-error';
import { applyApiErrors } from '../../lib/form-errors';
import { useAddNote } from './api';
import { NoteTextField, PrincipleSelect, principleValue } from './note-fields';

/** Adding a note to one group, with a manifesto principle if it speaks to one. */
export function NoteForm({ sprintId, group, label }: { sprintId: string; group: RetrospectiveGroup; label: string }) {
  const id = useId();
  const add = useAddNote(sprintId);
  const form = useForm<AddNoteBody>({
    resolver: zodResolver(addNoteBodySchema),
    defaultValues: { group, text: '', principleId: null },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    try {
      await add.mutateAsync(body);
      form.reset({ group, text: '', principleId: body.principleId ?? null });
    } catch (e) {
      const message = applyApiErrors(e, form.setError, ['text', 'principleId']);
      if (message) form.setError('root', { message });
    }
  });
  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} noValidate>
      <NoteTextField
        id={id}
        label={`New note: ${label}`}
        placeholder={group === 'ACTION' ? 'An action to try next sprint…' : 'Add a note…'}
        error={errors.text}
        registration={form.register('text')}
        onSubmit={() => void submit()}
      />
      <div className="note-form-row">
        <PrincipleSelect
          label={`Principle (${label})`}
          hideLabel
          registration={form.register('principleId', principleValue)}
        />
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
