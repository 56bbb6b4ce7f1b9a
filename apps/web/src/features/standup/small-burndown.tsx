import type { SprintChart } from '@amb/shared/sprints';

const W = 320;
const H = 90;

/** The active sprint's remaining points as a small line beside the ideal, with the figures in a table for screen readers. */
export function SmallBurndown({ chart }: { chart: SprintChart }) {
  const max = Math.max(1, chart.committedPoints ?? 0, ...chart.days.map((d) => Math.max(d.remaining ?? 0, d.ideal)));
  const x = (i: number) => (chart.days.length <= 1 ? 0 : (i / (chart.days.length - 1)) * W);
  const y = (v: number) => H - (v / max) * H;
  const actual = chart.days.flatMap((d, i) => (d.remaining === null ? [] : [`${x(i)},${y(d.remaining)}`])).join(' ');
  const ideal = chart.days.map((d, i) => `${x(i)},${y(d.ideal)}`).join(' ');
  const today = [...chart.days].reverse().find((d) => d.remaining !== null);
  return (
    <figure className="small-burndown">
      <figcaption>
        Burndown · {chart.name}: {today ? `${today.remaining} points left` : 'not started'}
      </figcaption>
      <svg viewBox={`-4 -4 ${W + 8} ${H + 8}`} role="img" aria-label={`Remaining points of ${chart.name}, day by day`}>
        <polyline points={ideal} className="ideal" />
        {actual && <polyline points={actual} className="actual" />}
      </svg>
      <p className="burndown-legend">
        <span className="key actual" aria-hidden="true" /> remaining <span className="key ideal" aria-hidden="true" />{' '}
        ideal
      </p>
      {/* Hidden in a box of its own: a table is as wide as its figures, and would widen the page on a phone. */}
      <div className="visually-hidden">
        <table>
          <caption>Remaining points by day</caption>
          <thead>
            <tr>
              <th>Day</th>
              <th>Remaining (points)</th>
              <th>Ideal (points)</th>
            </tr>
          </thead>
          <tbody>
            {chart.days.map((d) => (
              <tr key={d.date}>
                <td>{d.date}</td>
                <td>{d.remaining ?? '—'}</td>
                <td>{Math.round(d.ideal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
