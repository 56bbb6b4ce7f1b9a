import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { closeSprintBodySchema, type CloseSprintBody, type SprintPlan, type SprintSummary } from '@amb/shared/sprints';
import { ApiError } from '../../lib/api-client';
import { useEscapeKey } from '../../lib/use-escape-key';
import { useCloseSprint } from './api';
import { ScrollBox } from '../../components/scroll-box';

/** Closing the active sprint: was the goal met, and where each unfinished card goes. */
export function CloseSprintDialog({
  sprint,
  planned,
  onClose,
}: {
  sprint: SprintPlan;
  planned: SprintSummary[];
  onClose: () => void;
}) {
  const close = useCloseSprint(sprint.teamId);
  const unfinished = sprint.cards.filter((c) => c.flowCategory !== 'DONE');
  const done = sprint.cards.filter((c) => c.flowCategory === 'DONE');
  const next = planned[0]?.id ?? null;
  const form = useForm<CloseSprintBody>({
    resolver: zodResolver(closeSprintBodySchema),
    defaultValues: {
      carryOverSprintId: next,
      unfinished: unfinished.map((c) => ({ cardId: c.id, outcome: next ? 'carry-over' : 'backlog' })),
    },
  });
  useEscapeKey(onClose);
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (body) => {
    try {
      await close.mutateAsync({ sprintId: sprint.id, body });
      onClose();
    } catch (e) {
      const error = e instanceof ApiError ? e : null;
      form.setError('root', {
        message: error?.fields[0]
          ? `${error.fields[0].field.replace('body.', '')} ${error.fields[0].message}`
          : (e as Error).message,
      });
    }
  });

  return (
    <div className="dialog-backdrop">
      <section role="dialog" aria-modal="true" aria-labelledby="close-sprint-title" className="dialog close-sprint">
        <h2 id="close-sprint-title">Close {sprint.name}</h2>
        <p className="muted">
          {done.length} card{done.length === 1 ? '' : 's'} done ({done.reduce((s, c) => s + (c.estimate ?? 0), 0)} pt),{' '}
          {unfinished.length} not done ({unfinished.reduce((s, c) => s + (c.estimate ?? 0), 0)} pt).
        </p>
        {sprint.goal && <p className="sprint-goal">Goal: {sprint.goal}</p>}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset>
            <legend>Was the sprint goal met?</legend>
            <Controller
              control={form.control}
              name="goalMet"
              render={({ field }) => (
                <>
                  <label className="check">
                    <input
                      type="radio"
                      name={field.name}
                      checked={field.value === true}
                      onChange={() => field.onChange(true)}
                    />{' '}
                    Yes
                  </label>
                  <label className="check">
                    <input
                      type="radio"
                      name={field.name}
                      checked={field.value === false}
                      onChange={() => field.onChange(false)}
                    />{' '}
                    No
                  </label>
                </>
              )}
            />
            {errors.goalMet && <span className="field-error">Say whether the goal was met</span>}
          </fieldset>
          {unfinished.length > 0 && (
            <>
              <label className="stacked">
                Carry over into
                <select {...form.register('carryOverSprintId', { setValueAs: (v) => v || null })}>
                  <option value="">No sprint (return everything to the backlog)</option>
                  {planned.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
              <ScrollBox label="Unfinished cards">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">Unfinished card</th>
                      <th scope="col" className="number">
                        Points
                      </th>
                      <th scope="col">Goes to</th>
                    </tr>
                  </thead>
                  <tbody>
                    {unfinished.map((c, i) => (
                      <tr key={c.id}>
                        <th scope="row">{c.title}</th>
                        <td className="number">{c.estimate ?? '—'}</td>
                        <td>
                          <input type="hidden" {...form.register(`unfinished.${i}.cardId`)} />
                          <select aria-label={`Where “${c.title}” goes`} {...form.register(`unfinished.${i}.outcome`)}>
                            <option value="carry-over">Carry over to the next sprint</option>
                            <option value="backlog">Return to the backlog</option>
                          </select>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </>
          )}
          {errors.root && (
            <p role="alert" className="form-error">
              {errors.root.message}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              Close sprint
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
