import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TeamRole } from '@amb/domain/access';
import { createInvitationBodySchema, type CreatedInvitation } from '@amb/shared/invitations';
import { applyApiErrors } from '../../lib/form-errors';
import { teamRoleNames } from '../../lib/role-names';
import { adminKeys, createInvitation } from './api';

interface Values {
  email: string;
  role: TeamRole;
}

/** Invites an e-mail address into the team; shows the link to copy when no mail server sends it. */
export function InviteForm({ teamId, roles }: { teamId: string; roles: readonly TeamRole[] }) {
  const queryClient = useQueryClient();
  const [result, setResult] = useState<CreatedInvitation | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({
    resolver: zodResolver(createInvitationBodySchema),
    defaultValues: { email: '', role: roles.includes('MEMBER') ? 'MEMBER' : roles[0] },
  });
  const invite = useMutation({
    mutationFn: (values: Values) => createInvitation(teamId, values),
    onSuccess: (created) => {
      setResult(created);
      setCopied(false);
      setFormError(null);
      reset({ email: '', role: created.invitation.role });
      void queryClient.invalidateQueries({ queryKey: adminKeys.invitations(teamId) });
    },
    onError: (error) => setFormError(applyApiErrors(error, setError, ['email', 'role'])),
  });

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="invite">
      <form
        className="inline-form"
        onSubmit={handleSubmit((v) => invite.mutate(v))}
        noValidate
        aria-label="Invite a person"
      >
        <label>
          Email address
          <input
            type="email"
            autoComplete="off"
            placeholder="name@company.com"
            aria-invalid={formState.errors.email ? true : undefined}
            aria-describedby="invite-email-error"
            {...register('email')}
          />
          <span id="invite-email-error" className="field-error">
            {formState.errors.email && `Email ${formState.errors.email.message}`}
          </span>
        </label>
        <label>
          Role
          <select {...register('role')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {teamRoleNames[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={invite.isPending}>
          {invite.isPending ? 'Inviting…' : 'Invite'}
        </button>
      </form>
      {formError && (
        <p role="alert" className="form-error">
          {formError}
        </p>
      )}
      {result && (
        <div className="invite-result" role="status">
          {result.link ? (
            <>
              <p>
                Send this link to <strong>{result.invitation.email}</strong>. It works once, until{' '}
                {new Date(result.invitation.expiresAt).toLocaleDateString()}.
              </p>
              <div className="copy-row">
                <input
                  readOnly
                  value={result.link}
                  aria-label="Invitation link"
                  onFocus={(e) => e.currentTarget.select()}
                />
                <button type="button" onClick={() => void copy(result.link!)}>
                  {copied ? 'Copied' : 'Copy link'}
                </button>
              </div>
            </>
          ) : (
            <p>
              Invitation mailed to <strong>{result.invitation.email}</strong>.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
