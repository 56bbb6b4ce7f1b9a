import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link, useNavigate } from 'react-router';
import { signUpBodySchema, type SignUpBody } from '@amb/shared/sign-up';
import { useQuery } from '@tanstack/react-query';
import { useAuthStore } from '../../app/auth-store';
import { FieldError } from '../../components/field-error';
import { applyApiErrors } from '../../lib/form-errors';
import { signUpStatusQuery } from './api';

const fields = ['name', 'email', 'password'] as const;

/**
 * Creating an account: the form pattern every form follows. react-hook-form with the API's own zod schema as
 * resolver checks in the browser with the same rules; what only the server can check (an email already taken)
 * comes back in the one error shape and lands on its field.
 */
export function SignUpPage() {
  const signUp = useAuthStore((s) => s.signUp);
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SignUpBody>({
    resolver: zodResolver(signUpBodySchema),
    defaultValues: { name: '', email: '', password: '' },
  });
  const status = useQuery(signUpStatusQuery).data;
  const closed = status && !status.firstRun && status.signUpPolicy === 'INVITATION_ONLY';

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await signUp(values.email, values.name, values.password);
      navigate('/', { replace: true });
    } catch (error) {
      setFormError(applyApiErrors(error, setError, fields) ?? 'Some fields need another look.');
    }
  });

  const input = (field: (typeof fields)[number], label: string, type: string, autoComplete: string) => (
    <label>
      {label}
      <input
        type={type}
        autoComplete={autoComplete}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${field}-error` : undefined}
        {...register(field)}
      />
      <FieldError id={`${field}-error`} label={field} error={errors[field]} />
    </label>
  );

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={(e) => void submit(e)} aria-labelledby="sign-up-title" noValidate>
        <h1 id="sign-up-title">{status?.firstRun ? 'Set up your board' : 'Create an account'}</h1>
        {status?.firstRun && (
          <p className="muted">
            You are the first person here: this account becomes the admin, who creates teams and invites people.
          </p>
        )}
        {status?.signUpPolicy === 'DOMAINS' && !status.firstRun && (
          <p className="muted">Use an address at {status.allowedDomains.join(' or ')}.</p>
        )}
        {closed && (
          <p role="status">
            Accounts here are made by invitation. Ask an admin or your team’s scrum master to invite you; the invitation
            link lets you create your account.
          </p>
        )}
        {formError && (
          <p role="alert" className="form-error">
            {formError}
          </p>
        )}
        {!closed && (
          <>
            {input('name', 'Name', 'text', 'name')}
            {input('email', 'Email', 'email', 'username')}
            {input('password', 'Password', 'password', 'new-password')}
            <button type="submit" className="primary" disabled={isSubmitting}>
              {isSubmitting ? 'Creating…' : 'Create account'}
            </button>
          </>
        )}
        <p className="muted">
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </p>
      </form>
    </main>
  );
}
