import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  availabilityBodySchema,
  updateSprintBodySchema,
  type AvailabilityBody,
  type SprintPlan,
  type UpdateSprintBody,
} from '@amb/shared/sprints';
import { ApiError } from '../../lib/api-client';
import { useSetAvailability, useUpdateSprint } from './api';
import { capacityValue, SprintDateFields } from './sprint-date-fields';

const day = (iso: string) => iso.slice(0, 10);

/** Editing a sprint while planning: name, goal, dates, capacity (with the suggestion) and each person's days off. */
export function SprintSettings({ sprint }: { sprint: SprintPlan }) {
  const update = useUpdateSprint(sprint.teamId);
  const availability = useSetAvailability(sprint.teamId);
  const form = useForm<UpdateSprintBody>({
    resolver: zodResolver(updateSprintBodySchema),
    defaultValues: {
      name: sprint.name,
      goal: sprint.goal,
      startDate: day(sprint.startDate),
      endDate: day(sprint.endDate),
      capacityPoints: sprint.capacityPoints,
    },
  });
  const days = useForm<AvailabilityBody>({
    resolver: zodResolver(availabilityBodySchema),
    defaultValues: { people: sprint.people.map((p) => ({ userId: p.userId, daysOff: p.daysOff })) },
  });
  const errors = form.formState.errors;
  const save = form.handleSubmit(async (body) => {
    try {
      await update.mutateAsync({ sprintId: sprint.id, body });
    } catch (e) {
      if (e instanceof ApiError && e.fields.length)
        for (const f of e.fields)
          form.setError(f.field.replace('body.', '') as keyof UpdateSprintBody, { message: f.message });
      else form.setError('root', { message: (e as Error).message });
    }
  });
  const saveDays = days.handleSubmit(async (body) => {
    try {
      await availability.mutateAsync({ sprintId: sprint.id, body });
    } catch (e) {
      days.setError('root', { message: (e as Error).message });
    }
  });
  const error = (name: keyof UpdateSprintBody) =>
    errors[name] && <span className="field-error">{errors[name]?.message}</span>;
  return (
    <details className="sprint-settings">
      <summary>Sprint details, capacity and availability</summary>
      <form className="sprint-form" onSubmit={(e) => void save(e)} noValidate>
        <label className="stacked">
          Name
          <input {...form.register('name')} />
          {error('name')}
        </label>
        <label className="stacked">
          Goal
          <input {...form.register('goal')} />
          {error('goal')}
        </label>
        <SprintDateFields
          start={form.register('startDate')}
          end={form.register('endDate')}
          capacity={form.register('capacityPoints', capacityValue)}
          error={error}
          startLocked={sprint.state !== 'PLANNED'}
        />
        {sprint.suggestedCapacity !== null && (
          <p className="muted">
            Suggested from the last sprints’ velocity and this sprint’s availability:{' '}
            <strong>{sprint.suggestedCapacity} pt</strong>{' '}
            <button
              type="button"
              onClick={() => form.setValue('capacityPoints', sprint.suggestedCapacity, { shouldDirty: true })}
            >
              Use it
            </button>
          </p>
        )}
        {errors.root && (
          <p role="alert" className="form-error">
            {errors.root.message}
          </p>
        )}
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          Save sprint
        </button>
        {update.isSuccess && !form.formState.isDirty && <span role="status"> Saved.</span>}
      </form>
      <form className="availability-form" onSubmit={(e) => void saveDays(e)} noValidate>
        <h3>Days off in this sprint ({sprint.workingDays} working days)</h3>
        {sprint.people.map((p, i) => (
          <label key={p.userId} className="inline">
            <span>{p.name}</span>
            <input type="hidden" {...days.register(`people.${i}.userId`)} />
            <input
              type="number"
              min={0}
              max={sprint.workingDays}
              aria-label={`Days off: ${p.name}`}
              {...days.register(`people.${i}.daysOff`, { valueAsNumber: true })}
            />
          </label>
        ))}
        {days.formState.errors.root && (
          <p role="alert" className="form-error">
            {days.formState.errors.root.message}
          </p>
        )}
        <button type="submit" disabled={days.formState.isSubmitting}>
          Save days off
        </button>
      </form>
    </details>
  );
}
