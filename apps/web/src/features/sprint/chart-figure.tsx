import { useId, useState, type ReactNode } from 'react';
import { downloadCsv } from '../../lib/csv';

export interface ChartTable {
  header: string[];
  rows: (string | number | null)[][];
}

/**
 * A chart as people read it: a title saying what and when, the picture, its data as a table that screen readers
 * always reach (and anyone can show), and a CSV of the same table.
 */
export function ChartFigure({
  title,
  fileName,
  table,
  empty,
  children,
}: {
  title: string;
  fileName: string;
  table: ChartTable;
  empty: string | null;
  children: ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <div className="chart-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {!empty && (
          <div className="chart-actions">
            <button type="button" aria-pressed={showTable} onClick={() => setShowTable((s) => !s)}>
              {showTable ? 'Hide table' : 'Show table'}
            </button>
            <button type="button" onClick={() => downloadCsv(fileName, table.header, table.rows)}>
              Download CSV<span className="visually-hidden">: {title}</span>
            </button>
          </div>
        )}
      </div>
      {empty ? (
        <p className="chart-empty">{empty}</p>
      ) : (
        <>
          <div className="chart-body" aria-hidden="true">
            {children}
          </div>
          {/* The box, not the page, scrolls a wide table on a phone; hidden, it is still read out. */}
          <div
            className={showTable ? 'chart-table' : 'visually-hidden'}
            {...(showTable && { role: 'region', tabIndex: 0, 'aria-label': `${title}: data` })}
          >
            <table className="data-table" aria-label={`${title}: data`}>
              <thead>
                <tr>
                  {table.header.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((v, j) =>
                      j === 0 ? (
                        <th key={j} scope="row">
                          {v ?? '—'}
                        </th>
                      ) : (
                        <td key={j}>{v ?? '—'}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </figure>
  );
}
