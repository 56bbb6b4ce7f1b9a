import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { standupSettingsBodySchema, type StandupSettingsBody } from '@amb/shared/standup';
import { FieldError } from '../../components/field-error';
import { applyApiErrors } from '../../lib/form-errors';
import { useSetStandupSettings } from './api';

/** The time zones the browser knows, with the team's own first in case the browser does not list it. */
function useTimeZones(current: string) {
  return useMemo(() => {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return [...new Set([current, 'UTC', ...known])];
  }, [current]);
}

/** When the team's stand-up starts and in which time zone (scrum masters): "since the last stand-up" counts from it. */
export function StandupTimeForm({
  teamId,
  standupTime,
  timeZone,
}: {
  teamId: string;
  standupTime: string;
  timeZone: string;
}) {
  const save = useSetStandupSettings(teamId);
  const zones = useTimeZones(timeZone);
  const form = useForm<StandupSettingsBody>({
    resolver: zodResolver(standupSettingsBodySchema),
    values: { standupTime, timeZone },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const submit = form.handleSubmit(async (body) => {
    try {
      await save.mutateAsync(body);
    } catch (e) {
      const message = applyApiErrors(e, form.setError, ['standupTime', 'timeZone']);
      if (message) form.setError('root', { message });
    }
  });
  return (
    <form className="standup-time" onSubmit={(e) => void submit(e)} noValidate>
      <label>
        Stand-up at{' '}
        <input
          type="time"
          aria-describedby={errors.standupTime ? 'standup-time-error' : undefined}
          aria-invalid={Boolean(errors.standupTime)}
          {...form.register('standupTime')}
        />
      </label>
      <label>
        in <span className="visually-hidden">Team time zone</span>
        <select
          aria-describedby={errors.timeZone ? 'standup-zone-error' : undefined}
          aria-invalid={Boolean(errors.timeZone)}
          {...form.register('timeZone')}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={isSubmitting || !isDirty}>
        Save time
      </button>
      {save.isSuccess && !isDirty && (
        <span role="status" className="saved-note">
          Saved
        </span>
      )}
      <FieldError id="standup-time-error" label="The time" error={errors.standupTime} />
      <FieldError id="standup-zone-error" label="The time zone" error={errors.timeZone} />
      {errors.root && (
        <span role="alert" className="field-error">
          {errors.root.message}
        </span>
      )}
    </form>
  );
}
