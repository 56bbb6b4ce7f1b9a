import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { teamKindNames } from '../../lib/role-names';
import { adminKeys, fetchAdminTeams } from './api';
import { CreateTeamForm } from './create-team-form';

export function TeamsPage() {
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const teams = useQuery({ queryKey: adminKeys.teams, queryFn: fetchAdminTeams });
  return (
    <>
      <div className="panel">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '1rem' }}>
          <h2>Teams</h2>
          {!creating && (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              New team
            </button>
          )}
        </div>
        {creating && <CreateTeamForm onCreated={(team) => navigate(`/admin/teams/${team.id}`)} />}
        {teams.isPending && (
          <p role="status" className="muted">
            Loading teams…
          </p>
        )}
        {teams.isError && (
          <p role="alert" className="form-error">
            The teams could not be loaded: {teams.error.message}
          </p>
        )}
        {teams.data?.length === 0 && <p className="muted">No teams yet. Create the first one.</p>}
        {!!teams.data?.length && (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">
                    Members
                  </th>
                  <th scope="col">Created</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {teams.data.map((t) => (
                  <tr key={t.id}>
                    <td>
                      <Link to={`/admin/teams/${t.id}`}>{t.name}</Link>
                    </td>
                    <td>{teamKindNames[t.kind]}</td>
                    <td className="num">{t.memberCount}</td>
                    <td>{new Date(t.createdAt).toLocaleDateString()}</td>
                    <td>
                      {t.archivedAt ? (
                        <span className="badge">Archived</span>
                      ) : (
                        <span className="badge good">Active</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
