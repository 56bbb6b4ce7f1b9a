import { useQuery } from '@tanstack/react-query';
import { teamKindNames } from '../../lib/role-names';
import { fetchDirectory } from './api';
import './onboarding.css';

/** For a signed-in person on no team: the teams there are and whom to ask to join one. */
export function NoTeam() {
  const directory = useQuery({ queryKey: ['directory'], queryFn: fetchDirectory });
  return (
    <section className="no-team" aria-labelledby="no-team-title">
      <h1 id="no-team-title">You are not on a team yet</h1>
      <p>Boards belong to teams. Ask an admin (or a team’s scrum master) to add you to the team you work with.</p>
      {directory.isPending && (
        <p role="status" className="muted">
          Loading…
        </p>
      )}
      {directory.isError && (
        <p role="alert" className="form-error">
          The list of teams could not be loaded: {directory.error.message}
        </p>
      )}
      {directory.data && (
        <div className="no-team-grid">
          <div>
            <h2>Your admins</h2>
            {directory.data.admins.length === 0 ? (
              <p className="muted">No admin is active right now.</p>
            ) : (
              <ul>
                {directory.data.admins.map((a) => (
                  <li key={a.email}>
                    {a.name} —{' '}
                    <a href={`mailto:${a.email}?subject=${encodeURIComponent('Please add me to a team')}`}>{a.email}</a>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h2>Teams you can ask to join</h2>
            {directory.data.teams.length === 0 ? (
              <p className="muted">There are no teams yet.</p>
            ) : (
              <ul>
                {directory.data.teams.map((t) => (
                  <li key={t.id}>
                    {t.name} <span className="muted">({teamKindNames[t.kind]})</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
