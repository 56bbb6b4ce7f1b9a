import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { createWebhookBodySchema, webhookEvents } from '@amb/shared/webhooks';
import { applyApiErrors } from '../../lib/form-errors';
import { registerWebhook, webhookKeys } from './api';
import { eventNames } from './event-names';

const formSchema = createWebhookBodySchema
  .extend({ secret: z.string().max(200), ownSecret: z.boolean() })
  .superRefine((v, ctx) => {
    if (v.ownSecret && v.secret.length < 16)
      ctx.addIssue({ code: 'custom', path: ['secret'], message: 'must be at least 16 characters' });
  });
type Values = z.infer<typeof formSchema>;

/** Registers a webhook; the secret (the person's own or one made by the server) is shown once afterwards. */
export function WebhookForm({
  teamId,
  onRegistered,
}: {
  teamId: string;
  onRegistered: (secret: string, url: string) => void;
}) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, reset, formState } = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      url: '',
      format: 'JSON',
      events: ['card.created', 'card.moved', 'card.done'],
      secret: '',
      ownSecret: false,
    },
  });
  const ownSecret = useWatch({ control, name: 'ownSecret' });
  const create = useMutation({
    mutationFn: (v: Values) =>
      registerWebhook(teamId, {
        url: v.url,
        format: v.format,
        events: v.events,
        secret: v.ownSecret ? v.secret : undefined,
      }),
    onSuccess: (hook) => {
      setFormError(null);
      reset();
      void queryClient.invalidateQueries({ queryKey: webhookKeys.team(teamId) });
      onRegistered(hook.secret, hook.url);
    },
    onError: (error) => setFormError(applyApiErrors(error, setError, ['url', 'events', 'secret'])),
  });
  const { errors } = formState;

  return (
    <form
      className="webhook-form"
      onSubmit={handleSubmit((v) => create.mutate(v))}
      noValidate
      aria-label="Register a webhook"
    >
      {formError && (
        <p role="alert" className="form-error">
          {formError}
        </p>
      )}
      <label className="field">
        Sends to
        <select {...register('format')}>
          <option value="JSON">Another system (signed JSON)</option>
          <option value="SLACK">A Slack channel (incoming webhook)</option>
          <option value="TEAMS">A Microsoft Teams channel (incoming webhook)</option>
        </select>
      </label>
      <label className="field">
        Receiver URL
        <input
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://hooks.example.com/board"
          aria-invalid={errors.url ? true : undefined}
          aria-describedby="webhook-url-error"
          {...register('url')}
        />
        <span id="webhook-url-error" className="field-error">
          {errors.url && `URL ${errors.url.message}`}
        </span>
      </label>
      <fieldset aria-describedby="webhook-events-error">
        <legend>Send when</legend>
        <div className="webhook-events">
          {webhookEvents.map((event) => (
            <label key={event}>
              <input type="checkbox" value={event} {...register('events')} /> {eventNames[event]}
            </label>
          ))}
        </div>
        <span id="webhook-events-error" className="field-error">
          {errors.events && `Events ${errors.events.message}`}
        </span>
      </fieldset>
      <fieldset>
        <legend>Secret for the signature</legend>
        <label>
          <input type="checkbox" {...register('ownSecret')} /> Use a secret of my own (otherwise one is made for you)
        </label>
        {ownSecret && (
          <label className="field">
            Secret (at least 16 characters)
            <input
              type="text"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={errors.secret ? true : undefined}
              aria-describedby="webhook-secret-error"
              {...register('secret')}
            />
            <span id="webhook-secret-error" className="field-error">
              {errors.secret && `Secret ${errors.secret.message}`}
            </span>
          </label>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Registering…' : 'Register webhook'}
        </button>
      </div>
    </form>
  );
}
