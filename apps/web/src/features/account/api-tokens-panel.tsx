import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  API_TOKEN_DEFAULT_DAYS,
  API_TOKEN_MAX_DAYS,
  createApiTokenBodySchema,
  type CreateApiTokenBody,
  type CreatedApiToken,
} from '@amb/shared/account';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { applyApiErrors } from '../../lib/form-errors';
import { createApiToken, fetchApiTokens, revokeApiToken, tokenKeys } from './api';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/**
 * Personal access tokens for scripts (a PMO's report, a CMS sync): made here, shown once with a way to copy, listed
 * with their last use, revoked at any time.
 */
export function ApiTokensPanel() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: tokenKeys.mine, queryFn: fetchApiTokens });
  const message = useActionMessage();
  const [fresh, setFresh] = useState<CreatedApiToken | null>(null);
  const form = useForm<CreateApiTokenBody>({
    resolver: zodResolver(createApiTokenBodySchema),
    defaultValues: { name: '', access: 'read', expiresInDays: API_TOKEN_DEFAULT_DAYS },
  });
  const create = useMutation({
    mutationFn: createApiToken,
    onSuccess: (created) => {
      setFresh(created);
      form.reset();
      message.say(`The token “${created.name}” is made. Copy it now: it is not shown again.`);
      void queryClient.invalidateQueries({ queryKey: tokenKeys.mine });
    },
    onError: (error) =>
      message.sayError(
        applyApiErrors(error, form.setError, ['name', 'access', 'expiresInDays']) ?? 'Some fields need another look.',
      ),
  });
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSuccess: () => {
      message.say('The token is revoked; scripts using it are refused from now on.');
      void queryClient.invalidateQueries({ queryKey: tokenKeys.mine });
    },
    onError: message.fail,
  });
  const errors = form.formState.errors;

  return (
    <div className="account-panel">
      <h2>API tokens</h2>
      <p className="muted">
        A token lets a script use the API as you, with your access, sent as <code>Authorization: Bearer …</code>. The
        API is described at <a href="/api/docs">/api/docs</a>.
      </p>
      <form
        className="account-form"
        onSubmit={form.handleSubmit((v) => create.mutate(v))}
        noValidate
        aria-label="New API token"
      >
        <label>
          Token name
          <input
            placeholder="Weekly PMO report"
            aria-invalid={errors.name ? true : undefined}
            {...form.register('name')}
          />
          <span className="field-error">{errors.name && `Token name ${errors.name.message}`}</span>
        </label>
        <label>
          Access
          <select {...form.register('access')}>
            <option value="read">Read only</option>
            <option value="write">Read and write</option>
          </select>
        </label>
        <label>
          Expires after (days)
          <input
            type="number"
            min={1}
            max={API_TOKEN_MAX_DAYS}
            inputMode="numeric"
            aria-invalid={errors.expiresInDays ? true : undefined}
            {...form.register('expiresInDays', { valueAsNumber: true })}
          />
          <span className="field-error">{errors.expiresInDays && `Expires after ${errors.expiresInDays.message}`}</span>
        </label>
        <button type="submit" className="primary" disabled={create.isPending}>
          Make token
        </button>
      </form>
      {fresh && (
        <div className="new-token" role="region" aria-label="Your new token">
          <p>
            <strong>{fresh.name}</strong>: copy it now, it is not shown again.
          </p>
          <code className="token-secret">{fresh.token}</code>
          <div className="new-token-actions">
            <button type="button" onClick={() => void navigator.clipboard?.writeText(fresh.token)}>
              Copy token
            </button>
            <button type="button" onClick={() => setFresh(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      <ActionMessage message={message.message} />
      {tokens.isPending && (
        <p role="status" className="muted">
          Loading…
        </p>
      )}
      {tokens.isError && (
        <p role="alert" className="form-error">
          Your tokens could not be loaded: {tokens.error.message}
        </p>
      )}
      {tokens.data?.length === 0 && <p className="muted">You have no API tokens.</p>}
      <ul className="session-list" aria-label="Your API tokens">
        {tokens.data?.map((t) => (
          <li key={t.id}>
            <div>
              <strong>{t.name}</strong>{' '}
              <span className="badge">{t.access === 'write' ? 'Read and write' : 'Read only'}</span>
              <div className="muted">
                <code>{t.prefix}…</code> · made {day(t.createdAt)} · expires {day(t.expiresAt)} ·{' '}
                {t.lastUsedAt ? `last used ${new Date(t.lastUsedAt).toLocaleString()}` : 'never used'}
              </div>
            </div>
            <button type="button" onClick={() => revoke.mutate(t.id)} disabled={revoke.isPending}>
              Revoke<span className="visually-hidden"> {t.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
