import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { newPasswordSchema } from '@amb/shared/auth';
import { ApiError } from '../../lib/api-client';
import { applyApiErrors } from '../../lib/form-errors';
import { teamRoleNames } from '../../lib/role-names';
import { acceptInvitation, fetchInvitation } from './api';

const newAccountSchema = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(120),
  password: newPasswordSchema,
});
const existingAccountSchema = z.object({
  name: z.string().optional(),
  password: z.string().min(1, { message: 'is required' }),
});
type Values = { name?: string; password: string };

/** Opened from an invitation link: shows the team and role, then creates the account or joins with the existing one. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const invitation = useQuery({ queryKey: ['invitation', token], queryFn: () => fetchInvitation(token), retry: false });
  const exists = invitation.data?.accountExists ?? false;
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(exists ? existingAccountSchema : newAccountSchema) as never,
  });
  const accept = useMutation({
    mutationFn: (v: Values) => acceptInvitation({ token, password: v.password, ...(exists ? {} : { name: v.name }) }),
    // A full load: the app starts again signed in, with the new team in its lists.
    onSuccess: (r) => window.location.assign(`/teams/${r.teamId}/board`),
    onError: (error) => setFormError(applyApiErrors(error, setError, ['name', 'password'])),
  });

  let body;
  if (invitation.isPending)
    body = (
      <p role="status" className="muted">
        Opening the invitation…
      </p>
    );
  else if (invitation.isError) {
    const e = invitation.error;
    body = (
      <>
        <h1 id="invitation-title">This invitation cannot be used</h1>
        <p role="alert" className="form-error">
          {e instanceof ApiError && e.status === 404
            ? 'This invitation link is not valid. Check that you copied all of it, or ask for a new one.'
            : e.message}
        </p>
        <p className="muted">
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </>
    );
  } else {
    const i = invitation.data;
    body = (
      <>
        <h1 id="invitation-title">Join {i.teamName}</h1>
        <p>
          {i.invitedBy ? `${i.invitedBy} invited` : 'You are invited as'} <strong>{i.email}</strong> to the team{' '}
          <strong>{i.teamName}</strong> as <strong>{teamRoleNames[i.role].toLowerCase()}</strong>.
        </p>
        {formError && (
          <p role="alert" className="form-error">
            {formError}
          </p>
        )}
        {exists ? (
          <p className="muted">You already have an account with this address. Enter its password to join the team.</p>
        ) : (
          <label>
            Your name
            <input
              autoComplete="name"
              aria-invalid={formState.errors.name ? true : undefined}
              aria-describedby="name-error"
              {...register('name')}
            />
            <span id="name-error" className="field-error">
              {formState.errors.name && `Name ${formState.errors.name.message}`}
            </span>
          </label>
        )}
        <label>
          {exists ? 'Password' : 'Choose a password'}
          <input
            type="password"
            autoComplete={exists ? 'current-password' : 'new-password'}
            aria-invalid={formState.errors.password ? true : undefined}
            aria-describedby="password-error"
            {...register('password')}
          />
          <span id="password-error" className="field-error">
            {formState.errors.password && `Password ${formState.errors.password.message}`}
          </span>
        </label>
        <button type="submit" className="primary" disabled={accept.isPending}>
          {accept.isPending ? 'Joining…' : exists ? 'Join the team' : 'Create account and join'}
        </button>
        <p className="muted">The invitation expires {new Date(i.expiresAt).toLocaleDateString()}.</p>
      </>
    );
  }

  return (
    <main className="auth-page">
      <form
        className="auth-card"
        aria-labelledby="invitation-title"
        onSubmit={handleSubmit((v) => accept.mutate(v))}
        noValidate
      >
        {body}
      </form>
    </main>
  );
}
