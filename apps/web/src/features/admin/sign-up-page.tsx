import { useForm, useWatch } from 'react-hook-form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { signUpSettingsBodySchema, type SignUpSettings } from '@amb/shared/organisation';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { applyApiErrors } from '../../lib/form-errors';
import { adminKeys, fetchSignUpSettings, saveSignUpSettings } from './api';

interface Values {
  signUpPolicy: SignUpSettings['signUpPolicy'];
  domains: string;
}

const policies = [
  {
    value: 'INVITATION_ONLY',
    label: 'By invitation only',
    hint: 'Admins and scrum masters invite people by e-mail. Recommended.',
  },
  {
    value: 'DOMAINS',
    label: 'Anyone at these domains',
    hint: 'People with an address at one of the domains below can create an account.',
  },
  { value: 'OPEN', label: 'Anyone', hint: 'Anyone who can reach this site can create an account.' },
] as const;

/** Who may create an account without an invitation. */
export function SignUpSettingsPage() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: adminKeys.signUp, queryFn: fetchSignUpSettings });
  const { message, say, sayError } = useActionMessage();
  const form = useForm<Values>({
    values: settings.data
      ? { signUpPolicy: settings.data.signUpPolicy, domains: settings.data.allowedDomains.join('\n') }
      : undefined,
  });
  const save = useMutation({
    mutationFn: saveSignUpSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(adminKeys.signUp, saved);
      say('Saved.');
    },
    onError: (error) => sayError(applyApiErrors(error, form.setError, []) ?? 'Some fields need another look.'),
  });
  const submit = form.handleSubmit((v) => {
    const body = { signUpPolicy: v.signUpPolicy, allowedDomains: v.domains.split(/[\s,]+/).filter(Boolean) };
    const parsed = signUpSettingsBodySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const which = typeof issue.path[1] === 'number' ? `“${body.allowedDomains[issue.path[1]]}” ` : '';
      form.setError('domains', { message: `${which}${issue.message}` });
      return;
    }
    save.mutate(parsed.data);
  });
  const policy = useWatch({ control: form.control, name: 'signUpPolicy' });

  if (settings.isPending)
    return (
      <p role="status" className="muted">
        Loading…
      </p>
    );
  if (settings.isError)
    return (
      <p role="alert" className="form-error">
        The settings could not be loaded: {settings.error.message}
      </p>
    );
  return (
    <div className="panel">
      <h2>Who may sign up</h2>
      <form className="stack-form" onSubmit={submit} noValidate>
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'grid', gap: '0.6rem' }}>
          <legend className="visually-hidden">Sign-up policy</legend>
          {policies.map((p) => (
            <label key={p.value} style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-start', fontWeight: 400 }}>
              <input type="radio" value={p.value} {...form.register('signUpPolicy')} style={{ minWidth: 0 }} />
              <span>
                <strong>{p.label}</strong>
                <br />
                <span className="muted">{p.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {policy === 'DOMAINS' && (
          <label>
            Domains (one per line)
            <textarea
              rows={4}
              placeholder="example.com"
              aria-invalid={form.formState.errors.domains ? true : undefined}
              aria-describedby="domains-error"
              {...form.register('domains')}
            />
            <span id="domains-error" className="field-error">
              {form.formState.errors.domains?.message}
            </span>
          </label>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={save.isPending}>
            Save
          </button>
        </div>
        <ActionMessage message={message} />
      </form>
    </div>
  );
}
