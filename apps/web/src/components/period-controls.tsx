import { useSearchParams } from 'react-router';
import { lastDays, withParams, type Period } from '../lib/period-filters';

/** The date range: two date fields and quick choices. Changes go into the URL, which the queries follow. */
export function PeriodControls({ period }: { period: Period }) {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) => setParams(withParams(params, changes), { replace: true });
  return (
    <fieldset className="period-controls">
      <legend className="visually-hidden">Period</legend>
      <label>
        From{' '}
        <input
          type="date"
          value={period.from}
          max={period.to}
          onChange={(e) => e.target.value && set({ from: e.target.value })}
        />
      </label>
      <label>
        To <input type="date" value={period.to} onChange={(e) => e.target.value && set({ to: e.target.value })} />
      </label>
      {[30, 90, 180].map((days) => (
        <button key={days} type="button" onClick={() => set(lastDays(days, period.tz))}>
          Last {days} days
        </button>
      ))}
      <span className="muted period-zone">Days in {period.tz}</span>
    </fieldset>
  );
}
