import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { createSprintBodySchema, type CreateSprintBody, type SprintSummary } from '@amb/shared/sprints';
import { ApiError } from '../../lib/api-client';
import { useEscapeKey } from '../../lib/use-escape-key';
import { useCreateSprint } from './api';
import { capacityValue, SprintDateFields } from './sprint-date-fields';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The next sprint's defaults: the Monday after the last sprint (or this week's), two weeks to the Friday. */
function defaults(teamId: string, sprints: SprintSummary[]): CreateSprintBody {
  const last = Math.max(Date.now() - DAY, ...sprints.map((s) => Date.parse(s.endDate)));
  let start = last + DAY;
  while (new Date(start).getUTCDay() !== 1) start += DAY;
  return {
    teamId,
    name: `Sprint ${sprints.length + 1}`,
    goal: '',
    startDate: isoDay(start),
    endDate: isoDay(start + 11 * DAY),
    capacityPoints: null,
  };
}

export function NewSprintDialog({
  teamId,
  sprints,
  onDone,
}: {
  teamId: string;
  sprints: SprintSummary[];
  onDone: (sprintId: string | null) => void;
}) {
  const create = useCreateSprint(teamId);
  const form = useForm<CreateSprintBody>({
    resolver: zodResolver(createSprintBodySchema),
    defaultValues: defaults(teamId, sprints),
  });
  const errors = form.formState.errors;
  useEscapeKey(() => onDone(null));
  const submit = form.handleSubmit(async (body) => {
    try {
      onDone((await create.mutateAsync(body)).id);
    } catch (e) {
      if (e instanceof ApiError && e.fields.length)
        for (const f of e.fields)
          form.setError(f.field.replace('body.', '') as keyof CreateSprintBody, { message: f.message });
      else form.setError('root', { message: (e as Error).message });
    }
  });
  const error = (name: keyof CreateSprintBody) =>
    errors[name] && <span className="field-error">{errors[name]?.message}</span>;
  return (
    <div className="dialog-backdrop">
      <section role="dialog" aria-modal="true" aria-labelledby="new-sprint-title" className="dialog">
        <h2 id="new-sprint-title">New sprint</h2>
        <form className="sprint-form" onSubmit={(e) => void submit(e)} noValidate>
          <label className="stacked">
            Name
            <input {...form.register('name')} autoFocus />
            {error('name')}
          </label>
          <label className="stacked">
            Goal
            <input {...form.register('goal')} placeholder="What the sprint is for, in one sentence" />
            {error('goal')}
          </label>
          <SprintDateFields
            start={form.register('startDate')}
            end={form.register('endDate')}
            capacity={form.register('capacityPoints', capacityValue)}
            error={error}
          />
          {errors.root && (
            <p role="alert" className="form-error">
              {errors.root.message}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={() => onDone(null)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              Create sprint
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
