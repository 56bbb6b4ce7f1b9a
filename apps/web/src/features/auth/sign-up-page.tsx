import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { signUpBodySchema } from '@amb/shared/auth';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../lib/api-client';
import { fetchSignUpStatus } from './api';
import { useAuthStore } from './auth-store';

type Field = 'email' | 'name' | 'password';

/** Creating an account. The same zod schema as the API checks the form first; the API's field errors show too. */
export function SignUpPage() {
  const signUp = useAuthStore((s) => s.signUp);
  const navigate = useNavigate();
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useQuery({ queryKey: ['sign-up-status'], queryFn: fetchSignUpStatus }).data;
  const closed = status && !status.firstRun && status.signUpPolicy === 'INVITATION_ONLY';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = signUpBodySchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], `${String(i.path[0])} ${i.message}`])));
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await signUp(parsed.data.email, parsed.data.name, parsed.data.password);
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.fields.length) {
        setFieldErrors(Object.fromEntries(err.fields.map((f) => [f.field.replace(/^body\./, ''), `${f.field.replace(/^body\./, '')} ${f.message}`])));
      }
      setError(err instanceof ApiError ? err.message : 'Creating the account failed; try again.');
    } finally {
      setBusy(false);
    }
  }

  const input = (field: Field, label: string, type: string, autoComplete: string) => (
    <label>
      {label}
      <input
        type={type}
        name={field}
        autoComplete={autoComplete}
        value={values[field]}
        aria-invalid={fieldErrors[field] ? true : undefined}
        aria-describedby={fieldErrors[field] ? `${field}-error` : undefined}
        onChange={(e) => setValues({ ...values, [field]: e.target.value })}
      />
      {fieldErrors[field] && (
        <span id={`${field}-error`} className="field-error">
          {fieldErrors[field]}
        </span>
      )}
    </label>
  );

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="sign-up-title" noValidate>
        <h1 id="sign-up-title">{status?.firstRun ? 'Set up your board' : 'Create an account'}</h1>
        {status?.firstRun && <p className="muted">You are the first person here: this account becomes the admin, who creates teams and invites people.</p>}
        {status?.signUpPolicy === 'DOMAINS' && !status.firstRun && <p className="muted">Use an address at {status.allowedDomains.join(' or ')}.</p>}
        {closed && (
          <p role="status">
            Accounts here are made by invitation. Ask an admin or your team’s scrum master to invite you; the invitation link lets you create your account.
          </p>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        {!closed && (
          <>
            {input('name', 'Name', 'text', 'name')}
            {input('email', 'Email', 'email', 'username')}
            {input('password', 'Password', 'password', 'new-password')}
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create account'}
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
