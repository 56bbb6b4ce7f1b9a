import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { standupSettingsBodySchema, type StandupSettingsBody } from '@amb/shared/standup';
import { FieldError } from '../../components/field-error';
import { applyApiErrors } from '../../lib/form-errors';
import { useSetStandupTime } from './api';

/** When the team's stand-up starts (scrum masters): "since the last stand-up" counts from it. */
export function StandupTimeForm({ teamId, standupTime, timeZone }: { teamId: string; standupTime: string; timeZone: string }) {
  const save = useSetStandupTime(teamId);
  const form = useForm<StandupSettingsBody>({ resolver: zodResolver(standupSettingsBodySchema), values: { standupTime } });
  const { errors, isSubmitting, isDirty } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    try {
      await save.mutateAsync(body.standupTime);
    } catch (e) {
      const message = applyApiErrors(e, form.setError, ['standupTime']);
      if (message) form.setError('root', { message });
    }
  });
  return (
    <form className="standup-time" onSubmit={(e) => void submit(e)} noValidate>
      <label>
        Stand-up at{' '}
        <input type="time" aria-describedby={errors.standupTime ? 'standup-time-error' : undefined} aria-invalid={Boolean(errors.standupTime)} {...form.register('standupTime')} />
      </label>
      <span className="muted">{timeZone}</span>
      <button type="submit" disabled={isSubmitting || !isDirty}>
        Save time
      </button>
      {save.isSuccess && !isDirty && (
        <span role="status" className="saved-note">
          Saved
        </span>
      )}
      <FieldError id="standup-time-error" label="The time" error={errors.standupTime} />
      {errors.root && (
        <span role="alert" className="field-error">
          {errors.root.message}
        </span>
      )}
    </form>
  );
}
