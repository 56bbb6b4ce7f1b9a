import { Link, useMatch, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { canManageTeamRole, rolesBelowScrumMaster } from '@amb/domain/organisation';
import type { TeamRole } from '@amb/domain/access';
import { renameTeamBodySchema } from '@amb/shared/teams';
import { teamRoles } from '@amb/shared/common';
import { ApiError } from '../../lib/api-client';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { applyApiErrors } from '../../lib/form-errors';
import { teamRoleNames } from '../../lib/role-names';
import { useMe } from './use-me';
import {
  adminKeys,
  archiveTeam,
  changeMemberRole,
  fetchAdminTeams,
  fetchInvitations,
  fetchMembers,
  removeMember,
  renameTeam,
  revokeInvitation,
} from './api';
import { InviteForm } from './invite-form';
import './admin.css';

/** A team's members, their roles and invitations; admins also rename and archive the team here. */
export function TeamMembersPage() {
  const { teamId = '' } = useParams();
  const me = useMe();
  const inAdmin = useMatch('/admin/teams/:teamId') !== null;
  const isAdmin = me?.user.orgRole === 'ADMIN';
  const myRole = me?.memberships.find((m) => m.teamId === teamId)?.role ?? null;
  const access = { orgRole: me?.user.orgRole ?? 'NONE', teamRole: myRole } as const;
  const queryClient = useQueryClient();
  const { message, say, sayError, fail } = useActionMessage();
  const members = useQuery({ queryKey: adminKeys.members(teamId), queryFn: () => fetchMembers(teamId) });
  const invitations = useQuery({ queryKey: adminKeys.invitations(teamId), queryFn: () => fetchInvitations(teamId) });
  const teams = useQuery({ queryKey: adminKeys.teams, queryFn: fetchAdminTeams, enabled: isAdmin });
  const team = teams.data?.find((t) => t.id === teamId);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['admin', 'teams'] });

  const changeRole = useMutation({
    mutationFn: (v: { userId: string; role: TeamRole }) => changeMemberRole(teamId, v.userId, v.role),
    onSuccess: (m) => {
      say(`${m.name} is now ${teamRoleNames[m.role].toLowerCase()}.`);
      refresh();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (v: { userId: string; name: string }) => removeMember(teamId, v.userId).then(() => v),
    onSuccess: (v) => {
      say(`${v.name} is no longer on the team.`);
      refresh();
    },
    onError: fail,
  });
  const revoke = useMutation({
    mutationFn: revokeInvitation,
    onSuccess: (i) => (say(`The invitation for ${i.email} was withdrawn.`), refresh()),
    onError: fail,
  });
  const archive = useMutation({
    mutationFn: () => archiveTeam(teamId),
    onSuccess: () => (say('The team is archived.'), refresh()),
    onError: fail,
  });

  const rename = useForm<{ name: string }>({
    resolver: zodResolver(renameTeamBodySchema),
    values: { name: team?.name ?? '' },
  });
  const renameMutation = useMutation({
    mutationFn: (v: { name: string }) => renameTeam(teamId, v.name),
    onSuccess: (t) => (say(`The team is now called ${t.name}.`), refresh()),
    onError: (error) => sayError(applyApiErrors(error, rename.setError, ['name']) ?? 'Some fields need another look.'),
  });

  if (members.isError) {
    return (
      <p role="alert" className="form-error">
        {members.error instanceof ApiError && members.error.status === 404
          ? 'This team does not exist, or you cannot see it.'
          : `The team could not be loaded: ${members.error.message}`}
      </p>
    );
  }
  // Inside the organisation pages the frame has the page's heading; on its own, the team's name is the heading.
  const Title = inAdmin ? 'h2' : 'h1';
  const assignable = isAdmin ? teamRoles : rolesBelowScrumMaster;
  const pending = invitations.data?.filter((i) => i.state === 'PENDING') ?? [];

  return (
    <>
      <div>
        {isAdmin && <Link to="/admin/teams">← All teams</Link>}
        <Title style={{ fontSize: '1.4rem', margin: '0.4rem 0 0' }}>
          {team?.name ?? me?.memberships.find((m) => m.teamId === teamId)?.teamName ?? 'Team'}{' '}
          {team?.archivedAt && <span className="badge">Archived</span>}
        </Title>
      </div>
      <ActionMessage message={message} />
      {isAdmin && team && !team.archivedAt && (
        <div className="panel">
          <h2>Team</h2>
          <form
            className="inline-form"
            onSubmit={rename.handleSubmit((v) => renameMutation.mutate(v))}
            noValidate
            aria-label="Rename the team"
          >
            <label>
              Name
              <input aria-invalid={rename.formState.errors.name ? true : undefined} {...rename.register('name')} />
              <span className="field-error">
                {rename.formState.errors.name && `Name ${rename.formState.errors.name.message}`}
              </span>
            </label>
            <button type="submit" disabled={renameMutation.isPending}>
              Rename
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                window.confirm(
                  `Archive ${team.name}? It leaves everyone's team list and takes no new members; its boards and history stay.`,
                ) && archive.mutate()
              }
            >
              Archive team
            </button>
          </form>
        </div>
      )}
      <div className="panel">
        <h2>Members</h2>
        {members.isPending && (
          <p role="status" className="muted">
            Loading members…
          </p>
        )}
        {members.data?.length === 0 && <p className="muted">Nobody is on this team yet. Invite people below.</p>}
        {!!members.data?.length && (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {members.data.map((m) => {
                  const manageable = canManageTeamRole(access, m.role);
                  return (
                    <tr key={m.userId}>
                      <td>{m.name}</td>
                      <td>{m.email}</td>
                      <td>
                        {manageable ? (
                          <select
                            aria-label={`Role of ${m.name}`}
                            value={m.role}
                            onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as TeamRole })}
                          >
                            {assignable.map((r) => (
                              <option key={r} value={r}>
                                {teamRoleNames[r]}
                              </option>
                            ))}
                          </select>
                        ) : (
                          teamRoleNames[m.role]
                        )}
                      </td>
                      <td>
                        {manageable && (
                          <button
                            type="button"
                            className="danger"
                            onClick={() => remove.mutate({ userId: m.userId, name: m.name })}
                          >
                            Remove<span className="visually-hidden"> {m.name}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {!team?.archivedAt && (
        <div className="panel">
          <h2>Invite people</h2>
          <InviteForm teamId={teamId} roles={assignable} />
          {pending.length > 0 && (
            <div className="table-wrap">
              <table className="data-table" aria-label="Pending invitations">
                <thead>
                  <tr>
                    <th scope="col">Invited</th>
                    <th scope="col">Role</th>
                    <th scope="col">By</th>
                    <th scope="col">Expires</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {pending.map((i) => (
                    <tr key={i.id}>
                      <td>{i.email}</td>
                      <td>{teamRoleNames[i.role]}</td>
                      <td>{i.invitedBy ?? '—'}</td>
                      <td>{new Date(i.expiresAt).toLocaleDateString()}</td>
                      <td>
                        {canManageTeamRole(access, i.role) && (
                          <button type="button" onClick={() => revoke.mutate(i.id)}>
                            Withdraw<span className="visually-hidden"> the invitation for {i.email}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </>
  );
}
