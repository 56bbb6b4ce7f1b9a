import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgRole } from '@amb/domain/access';
import { orgRoles } from '@amb/shared/common';
import type { User } from '@amb/shared/teams';
import { ActionMessage, useActionMessage } from '../../components/action-message';
import { orgRoleNames } from '../../lib/role-names';
import { adminKeys, changeOrgRole, deactivatePerson, fetchPeople, reactivatePerson } from './api';
import { useMe } from './use-me';

/** Everyone with an account: search, organisation role, deactivation. */
export function PeoplePage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const me = useMe();
  const queryClient = useQueryClient();
  const { message, say, fail } = useActionMessage();
  const people = useQuery({ queryKey: adminKeys.people(q), queryFn: () => fetchPeople(q) });
  const done = (text: string) => {
    say(text);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'people'] });
  };
  const role = useMutation({
    mutationFn: (v: { user: User; orgRole: OrgRole }) => changeOrgRole(v.user.id, v.orgRole),
    onSuccess: (u) => done(`${u.name} is now ${orgRoleNames[u.orgRole]}.`),
    onError: fail,
  });
  const deactivate = useMutation({
    mutationFn: (u: User) => deactivatePerson(u.id),
    onSuccess: (u) => done(`${u.name} is deactivated and signed out everywhere.`),
    onError: fail,
  });
  const reactivate = useMutation({
    mutationFn: (u: User) => reactivatePerson(u.id),
    onSuccess: (u) => done(`${u.name} can sign in again.`),
    onError: fail,
  });

  return (
    <div className="panel">
      <h2>People</h2>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draft.trim() ? { q: draft.trim() } : {}, { replace: true });
        }}
      >
        <label className="visually-hidden" htmlFor="people-search">
          Search people
        </label>
        <input
          id="people-search"
          className="search"
          type="search"
          placeholder="Search by name or email"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />{' '}
        <button type="submit">Search</button>
      </form>
      <ActionMessage message={message} />
      {people.isPending && (
        <p role="status" className="muted">
          Loading people…
        </p>
      )}
      {people.isError && (
        <p role="alert" className="form-error">
          People could not be loaded: {people.error.message}
        </p>
      )}
      {people.data?.length === 0 && (
        <p className="muted">{q ? `Nobody matches “${q}”.` : 'Nobody has an account yet.'}</p>
      )}
      {!!people.data?.length && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Organisation role</th>
                <th scope="col" className="num">
                  Teams
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.data.map((u) => (
                <tr key={u.id}>
                  <td>
                    {u.name}
                    {u.id === me?.user.id && <span className="muted"> (you)</span>}
                  </td>
                  <td>{u.email}</td>
                  <td>
                    <select
                      aria-label={`Organisation role of ${u.name}`}
                      value={u.orgRole}
                      disabled={!!u.deactivatedAt}
                      onChange={(e) => role.mutate({ user: u, orgRole: e.target.value as OrgRole })}
                    >
                      {orgRoles.map((r) => (
                        <option key={r} value={r}>
                          {orgRoleNames[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="num">{u.teamCount}</td>
                  <td>
                    {u.deactivatedAt ? (
                      <span className="badge bad">Deactivated</span>
                    ) : (
                      <span className="badge good">Active</span>
                    )}
                  </td>
                  <td>
                    {u.id !== me?.user.id &&
                      (u.deactivatedAt ? (
                        <button type="button" onClick={() => reactivate.mutate(u)}>
                          Reactivate<span className="visually-hidden"> {u.name}</span>
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="danger"
                          onClick={() =>
                            window.confirm(
                              `Deactivate ${u.name}? They are signed out at once and cannot sign in until reactivated.`,
                            ) && deactivate.mutate(u)
                          }
                        >
                          Deactivate<span className="visually-hidden"> {u.name}</span>
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
