import { useId, type ReactNode } from 'react';
import { downloadCsv, tableOf, type CsvColumn } from '../lib/csv';

interface ChartSectionProps<Row> {
  title: string;
  /** What the chart shows, in one sentence: read by screen readers and shown under the title. */
  summary: ReactNode;
  rows: readonly Row[];
  columns: readonly CsvColumn<Row>[];
  filename: string;
  /** Said instead of the chart when there is nothing to draw. */
  empty: string | null;
  children: ReactNode;
}

/** A chart with its title, its data as a table a screen reader reaches, and CSV export. */
export function ChartSection<Row>({
  title,
  summary,
  rows,
  columns,
  filename,
  empty,
  children,
}: ChartSectionProps<Row>) {
  const id = useId();
  return (
    <section className="chart-section" aria-labelledby={id}>
      <header className="chart-header">
        <h2 id={id}>{title}</h2>
        <button type="button" onClick={() => downloadCsv(filename, ...tableOf(rows, columns))} disabled={!rows.length}>
          Export CSV<span className="visually-hidden"> of {title}</span>
        </button>
      </header>
      <p className="muted chart-summary">{summary}</p>
      {empty ? <p className="chart-empty">{empty}</p> : <div className="chart-body">{children}</div>}
      {rows.length > 0 && (
        <details className="chart-data">
          <summary>Data table</summary>
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.header}>{c.value(row) ?? '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
