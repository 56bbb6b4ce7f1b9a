import { useSearchParams } from 'react-router';
import { useVisibleTeams } from './api';
import { withParams } from '../../lib/period-filters';

/** Which teams the overview shows: all (nothing ticked) or the ticked ones. Kept in the URL. */
export function TeamFilter({ selected }: { selected: string[] }) {
  const teams = useVisibleTeams().data?.teams;
  const [params, setParams] = useSearchParams();
  const set = (ids: string[]) => setParams(withParams(params, { teams: ids.join(',') || null }), { replace: true });
  const label = selected.length ? `${selected.length} of ${teams?.length ?? '…'} teams` : 'All teams';
  return (
    <details className="team-filter">
      <summary>Teams: {label}</summary>
      <fieldset>
        <legend className="visually-hidden">Show these teams</legend>
        {teams?.map((t) => (
          <label key={t.id}>
            <input type="checkbox" checked={selected.includes(t.id)} onChange={(e) => set(e.target.checked ? [...selected, t.id] : selected.filter((id) => id !== t.id))} />
            {t.name}
          </label>
        ))}
        {selected.length > 0 && (
          <button type="button" onClick={() => set([])}>
            Show all teams
          </button>
        )}
      </fieldset>
    </details>
  );
}
