import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  changePasswordBodySchema,
  updateAccountBodySchema,
  type ChangePasswordBody,
  type UpdateAccountBody,
} from '@amb/shared/account';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { applyApiErrors } from '../../lib/form-errors';
import { ApiTokensPanel } from './api-tokens-panel';
import { CalendarFeedsPanel } from './calendar-feeds-panel';
import { ThemePanel } from './theme-panel';
import { accountKeys, changePassword, endSession, fetchMe, fetchSessions, updateAccount } from './api';
import './account.css';

/** A short, readable name for a browser from its user-agent string. */
function browserName(ua: string) {
  if (!ua) return 'Unknown browser';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

export function AccountPage() {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: accountKeys.me, queryFn: fetchMe });
  const sessions = useQuery({ queryKey: accountKeys.sessions, queryFn: fetchSessions });
  const nameMessage = useActionMessage();
  const passwordMessage = useActionMessage();
  const sessionMessage = useActionMessage();

  const nameForm = useForm<UpdateAccountBody>({
    resolver: zodResolver(updateAccountBodySchema),
    values: { name: me.data?.user.name ?? '' },
  });
  const rename = useMutation({
    mutationFn: updateAccount,
    onSuccess: (updated) => {
      queryClient.setQueryData(accountKeys.me, updated);
      nameMessage.say('Your name is saved.');
    },
    onError: (error) =>
      nameMessage.sayError(applyApiErrors(error, nameForm.setError, ['name']) ?? 'Some fields need another look.'),
  });

  const passwordForm = useForm<ChangePasswordBody>({
    resolver: zodResolver(changePasswordBodySchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const password = useMutation({
    mutationFn: changePassword,
    onSuccess: (r) => {
      passwordForm.reset();
      passwordMessage.say(
        `Your password is changed.${r.endedSessions ? ` ${r.endedSessions} other session${r.endedSessions === 1 ? '' : 's'} signed out.` : ''}`,
      );
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
    onError: (error) =>
      passwordMessage.sayError(
        applyApiErrors(error, passwordForm.setError, ['currentPassword', 'newPassword']) ??
          'Some fields need another look.',
      ),
  });

  const end = useMutation({
    mutationFn: endSession,
    onSuccess: () => {
      sessionMessage.say('That session is signed out.');
      void queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
    },
    onError: sessionMessage.fail,
  });

  return (
    <section className="account" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <div className="account-panel">
        <h2>Name</h2>
        <p className="muted">Signed in as {me.data?.user.email}</p>
        <form className="account-form" onSubmit={nameForm.handleSubmit((v) => rename.mutate(v))} noValidate>
          <label>
            Name
            <input
              autoComplete="name"
              aria-invalid={nameForm.formState.errors.name ? true : undefined}
              {...nameForm.register('name')}
            />
            <span className="field-error">
              {nameForm.formState.errors.name && `Name ${nameForm.formState.errors.name.message}`}
            </span>
          </label>
          <button type="submit" className="primary" disabled={rename.isPending}>
            Save name
          </button>
          <ActionMessage message={nameMessage.message} />
        </form>
      </div>
      <ThemePanel />
      <div className="account-panel">
        <h2>Password</h2>
        <form className="account-form" onSubmit={passwordForm.handleSubmit((v) => password.mutate(v))} noValidate>
          <label>
            Current password
            <input
              type="password"
              autoComplete="current-password"
              aria-invalid={passwordForm.formState.errors.currentPassword ? true : undefined}
              {...passwordForm.register('currentPassword')}
            />
            <span className="field-error">
              {passwordForm.formState.errors.currentPassword &&
                `Current password ${passwordForm.formState.errors.currentPassword.message}`}
            </span>
          </label>
          <label>
            New password
            <input
              type="password"
              autoComplete="new-password"
              aria-invalid={passwordForm.formState.errors.newPassword ? true : undefined}
              {...passwordForm.register('newPassword')}
            />
            <span className="field-error">
              {passwordForm.formState.errors.newPassword &&
                `New password ${passwordForm.formState.errors.newPassword.message}`}
            </span>
          </label>
          <p className="muted">Changing it signs you out everywhere else.</p>
          <button type="submit" className="primary" disabled={password.isPending}>
            Change password
          </button>
          <ActionMessage message={passwordMessage.message} />
        </form>
      </div>
      <div className="account-panel">
        <h2>Where you are signed in</h2>
        {sessions.isPending && (
          <p role="status" className="muted">
            Loading…
          </p>
        )}
        {sessions.isError && (
          <p role="alert" className="form-error">
            Your sessions could not be loaded: {sessions.error.message}
          </p>
        )}
        <ul className="session-list">
          {sessions.data?.map((s) => (
            <li key={s.id}>
              <div>
                <strong>{browserName(s.userAgent)}</strong>{' '}
                {s.current && <span className="badge good">This browser</span>}
                <div className="muted">
                  Signed in {new Date(s.createdAt).toLocaleString()} · last active{' '}
                  {new Date(s.lastSeenAt).toLocaleString()}
                </div>
              </div>
              {!s.current && (
                <button type="button" onClick={() => end.mutate(s.id)}>
                  Sign out
                  <span className="visually-hidden">
                    {' '}
                    {browserName(s.userAgent)}, signed in {new Date(s.createdAt).toLocaleString()}
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
        <ActionMessage message={sessionMessage.message} />
      </div>
      <ApiTokensPanel />
      <CalendarFeedsPanel />
    </section>
  );
}
