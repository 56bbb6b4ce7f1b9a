import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { RetrospectiveGroup } from '@amb/domain/retrospective';
import { addNoteBodySchema, type AddNoteBody } from '@amb/shared/retrospectives';
import { FieldError } from '../../components/field-error';
import { notToldWarning, useMentionText } from '../../components/mention-text';
import { applyApiErrors } from '../../lib/form-errors';
import { useAddNote } from './api';
import { NoteTextField, PrincipleSelect, principleValue } from './note-fields';

/** Adding a note to one group, with a manifesto principle if it speaks to one. */
export function NoteForm({
  sprintId,
  teamId,
  group,
  label,
}: {
  sprintId: string;
  teamId: string;
  group: RetrospectiveGroup;
  label: string;
}) {
  const id = useId();
  const add = useAddNote(sprintId);
  const form = useForm<AddNoteBody>({
    resolver: zodResolver(addNoteBodySchema),
    defaultValues: { group, text: '', principleId: null },
  });
  const text = useMentionText('', [], (stored) => form.setValue('text', stored, { shouldDirty: true }));
  const [notTold, setNotTold] = useState<string | null>(null);
  const { errors } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    setNotTold(null);
    try {
      const written = await add.mutateAsync(body);
      setNotTold(notToldWarning(written.unreachedMentions, text, 'the team’s retrospective'));
      text.reset();
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
        teamId={teamId}
        mention={text}
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
      {notTold && (
        <p className="mention-warning" role="status">
          {notTold}
        </p>
      )}
      {errors.root && (
        <p role="alert" className="form-error">
          {errors.root.message}
        </p>
      )}
    </form>
  );
}
