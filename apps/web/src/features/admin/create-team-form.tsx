import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { boardTemplateKeys, boardTemplates, defaultTemplateFor } from '@amb/domain/board-templates';
import { boardTemplateKeySchema, teamNameSchema, type Team } from '@amb/shared/teams';
import { teamKindSchema, teamKinds } from '@amb/shared/common';
import { teamsQuery } from '../../app/teams';
import { applyApiErrors } from '../../lib/form-errors';
import { teamKindNames } from '../../lib/role-names';
import { adminKeys, createTeam } from './api';

const formSchema = z.object({ name: teamNameSchema, kind: teamKindSchema, template: boardTemplateKeySchema });
type Values = z.infer<typeof formSchema>;

/** Name, kind and the board to start from. */
export function CreateTeamForm({
  onCreated,
  submitLabel = 'Create team',
}: {
  onCreated: (team: Team) => void;
  submitLabel?: string;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setValue, formState } = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { name: '', kind: 'MARKETING', template: 'content-marketing' },
  });
  const create = useMutation({
    mutationFn: createTeam,
    onSuccess: (team) => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.teams });
      // The top bar's team picker reads the shared list: it names the new team at once.
      void queryClient.invalidateQueries({ queryKey: teamsQuery.queryKey });
      onCreated(team);
    },
    onError: (error) => setFormError(applyApiErrors(error, setError, ['name', 'kind', 'template'])),
  });
  const kindField = register('kind');

  return (
    <form
      className="stack-form"
      style={{ maxWidth: 'none' }}
      onSubmit={handleSubmit((v) => create.mutate(v))}
      noValidate
      aria-label="Create a team"
    >
      {formError && (
        <p role="alert" className="form-error">
          {formError}
        </p>
      )}
      <div className="inline-form">
        <label>
          Team name
          <input
            autoComplete="off"
            placeholder="e.g. Content Marketing"
            aria-invalid={formState.errors.name ? true : undefined}
            aria-describedby="team-name-error"
            {...register('name')}
          />
          <span id="team-name-error" className="field-error">
            {formState.errors.name && `Name ${formState.errors.name.message}`}
          </span>
        </label>
        <label>
          Kind
          <select
            {...kindField}
            onChange={(e) => {
              void kindField.onChange(e);
              setValue('template', defaultTemplateFor(e.target.value as Values['kind']));
            }}
          >
            {teamKinds.map((k) => (
              <option key={k} value={k}>
                {teamKindNames[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="templates">
        <legend>Board to start from</legend>
        {boardTemplateKeys.map((key) => {
          const t = boardTemplates[key];
          return (
            <label key={key} className="template">
              <input type="radio" value={key} {...register('template')} />
              <strong>{t.name}</strong>
              <span>{t.description}</span>
              <span className="flow">
                {t.columns.map((c) => (c.wipLimit ? `${c.name} (${c.wipLimit})` : c.name)).join(' → ')}
              </span>
              <span className="flow">Swimlanes: {t.swimlanes.map((l) => l.name).join(', ')}</span>
            </label>
          );
        })}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
