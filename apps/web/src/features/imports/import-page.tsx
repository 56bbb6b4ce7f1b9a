import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { suggestFlowCategory } from '@amb/domain/import-flow';
import { flowCategories } from '@amb/shared/boards';
import { planCsvImport, type CsvImportPreview } from '@amb/shared/import-csv';
import { planTrelloImport, readTrelloBoard, trelloColumns } from '@amb/shared/import-trello';
import { readBoardExport } from '@amb/shared/import-board';
import {
  csvFields,
  IMPORT_MAX_BYTES,
  ImportRefusal,
  type CsvField,
  type ImportFormat,
  type ImportJob,
  type ImportNote,
  type PlannedColumn,
} from '@amb/shared/imports';
import { ApiError } from '../../lib/api-client';
import { flowCategoryNames } from '@amb/shared/flow-category-names';
import { downloadCsv } from '../../lib/csv';
import { fetchBoardColumns, fetchImport, fetchTeamEmails, startImport } from './api';
import './imports.css';

const formatNames: Record<ImportFormat, string> = {
  trello: 'Trello board (JSON export)',
  csv: 'CSV file',
  board: 'Board export (JSON from this app)',
};
const fieldNames: Record<CsvField, string> = {
  ignore: '— ignore —',
  id: 'Source id',
  title: 'Title',
  column: 'Column',
  swimlane: 'Swimlane',
  description: 'Description',
  type: 'Type',
  labels: 'Labels',
  owners: 'Owners (e-mails)',
  estimate: 'Estimate (points)',
  dueDate: 'Due date',
  principles: 'Principles',
  blocked: 'Blocked',
  blockedReason: 'Blocked reason',
  hypothesis: 'Hypothesis',
  metric: 'Metric',
};

interface Loaded {
  name: string;
  bytes: ArrayBuffer;
  text: string;
}

function toBase64(bytes: ArrayBuffer) {
  let binary = '';
  const view = new Uint8Array(bytes);
  for (let i = 0; i < view.length; i += 0x8000) binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Bringing work in: choose a file, map CSV headers or confirm Trello lists' flow, preview, import, follow progress. */
export function ImportPage() {
  const { teamId = '' } = useParams();
  const board = useQuery({ queryKey: ['teams', teamId, 'board-columns'], queryFn: () => fetchBoardColumns(teamId) });
  const teamEmails = useQuery({ queryKey: ['teams', teamId, 'member-emails'], queryFn: () => fetchTeamEmails(teamId) });
  const [format, setFormat] = useState<ImportFormat>('trello');
  const [file, setFile] = useState<Loaded | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, CsvField> | undefined>(undefined);
  const [flows, setFlows] = useState<Record<string, PlannedColumn['flowCategory']>>({});
  const [jobId, setJobId] = useState<string | null>(null);

  const boardColumns = board.data?.columns;
  const preview = useMemo(() => {
    if (!file) return null;
    try {
      if (format === 'csv')
        return { kind: 'csv' as const, csv: planCsvImport(file.text, boardColumns ?? [], mapping, teamEmails.data) };
      const json: unknown = JSON.parse(file.text.replace(/^\uFEFF/, ''));
      if (format === 'trello') {
        const trello = readTrelloBoard(json);
        const plan = planTrelloImport(trello, suggestFlowCategory);
        return {
          kind: 'trello' as const,
          lists: trelloColumns(trello, suggestFlowCategory),
          cards: trello.cards.length,
          notes: plan.notes,
          skipped: plan.skipped,
        };
      }
      return { kind: 'board' as const, cards: readBoardExport(json).cards.length };
    } catch (error) {
      return {
        kind: 'refused' as const,
        message: error instanceof ImportRefusal || error instanceof SyntaxError ? error.message : String(error),
      };
    }
  }, [file, format, mapping, boardColumns, teamEmails.data]);

  const start = useMutation({
    mutationFn: () =>
      startImport(teamId, {
        format,
        fileName: file!.name,
        content: toBase64(file!.bytes),
        csvMapping: format === 'csv' && preview?.kind === 'csv' ? preview.csv.mapping : undefined,
        flowCategories:
          format === 'trello' && preview?.kind === 'trello'
            ? Object.fromEntries(preview.lists.map((l) => [l.name, flows[l.name] ?? l.flowCategory]))
            : undefined,
      }),
    onSuccess: (job) => setJobId(job.id),
  });

  async function choose(picked: File | undefined) {
    setFile(null);
    setMapping(undefined);
    setFlows({});
    setJobId(null);
    setFileError(null);
    start.reset();
    if (!picked) return;
    if (picked.size > IMPORT_MAX_BYTES)
      return setFileError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    const bytes = await picked.arrayBuffer();
    try {
      setFile({ name: picked.name, bytes, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
    } catch {
      setFileError('The file is not UTF-8 text; save it as UTF-8 and choose it again');
    }
  }

  const refused = preview?.kind === 'refused' ? preview.message : null;
  return (
    <main className="import-page">
      <p>
        <Link to={`/teams/${teamId}/board`}>← Back to the board</Link>
      </p>
      <h1>Import cards{board.data ? ` into ${board.data.team.name}` : ''}</h1>
      {!jobId && (
        <section aria-labelledby="import-file">
          <h2 id="import-file">1. Choose a file</h2>
          <fieldset className="import-formats">
            <legend>What is it?</legend>
            {(Object.keys(formatNames) as ImportFormat[]).map((f) => (
              <label key={f}>
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />{' '}
                {formatNames[f]}
              </label>
            ))}
          </fieldset>
          <label className="import-file">
            File to import
            <input
              type="file"
              accept={format === 'csv' ? '.csv,text/csv' : '.json,application/json'}
              onChange={(e) => void choose(e.target.files?.[0])}
            />
          </label>
          {(fileError ?? refused) && (
            <p className="notice error" role="alert">
              This file cannot be imported: {fileError ?? refused}
            </p>
          )}
        </section>
      )}

      {!jobId && preview?.kind === 'csv' && <CsvMapping preview={preview.csv} onChange={setMapping} />}
      {!jobId && preview?.kind === 'trello' && (
        <section aria-labelledby="import-lists">
          <h2 id="import-lists">2. Confirm each list’s flow</h2>
          <p className="muted">
            {preview.cards} cards. Each Trello list becomes a column (an existing column with the same name is reused).
          </p>
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">Trello list</th>
                <th scope="col">Flow category</th>
              </tr>
            </thead>
            <tbody>
              {preview.lists.map((l) => (
                <tr key={l.name}>
                  <td>{l.name}</td>
                  <td>
                    <select
                      aria-label={`Flow category of ${l.name}`}
                      value={flows[l.name] ?? l.flowCategory}
                      onChange={(e) =>
                        setFlows({ ...flows, [l.name]: e.target.value as PlannedColumn['flowCategory'] })
                      }
                    >
                      {flowCategories.map((f) => (
                        <option key={f} value={f}>
                          {flowCategoryNames[f]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ChangesTable notes={preview.notes} caption="What the import will change" />
          {preview.skipped.length > 0 && (
            <p className="notice warning" role="status">
              {preview.skipped.length} {preview.skipped.length === 1 ? 'card' : 'cards'} will be left out:{' '}
              {preview.skipped.map((s) => `${s.ref} (${s.reason})`).join('; ')}.
            </p>
          )}
        </section>
      )}
      {!jobId && preview?.kind === 'board' && (
        <p>{preview.cards} cards, with the board’s columns and swimlanes. The team’s board must have no cards yet.</p>
      )}

      {!jobId && preview && preview.kind !== 'refused' && (
        <p className="import-actions">
          <button type="button" className="primary" disabled={start.isPending} onClick={() => start.mutate()}>
            Start import
          </button>
          {start.error && (
            <span className="notice error" role="alert">
              {start.error instanceof ApiError ? start.error.message : 'The import could not start'}
            </span>
          )}
        </p>
      )}
      {jobId && (
        <ImportProgress importId={jobId} teamId={teamId} csv={preview?.kind === 'csv' ? preview.csv : undefined} />
      )}
    </main>
  );
}

function CsvMapping({
  preview,
  onChange,
}: {
  preview: CsvImportPreview;
  onChange: (m: Record<string, CsvField>) => void;
}) {
  const shown = preview.rows.slice(0, 8);
  const bad = preview.rows.filter((r) => r.errors.length).length;
  const changed = preview.rows.filter((r) => r.warnings.length).length;
  return (
    <section aria-labelledby="import-mapping">
      <h2 id="import-mapping">2. Match the headers to card fields</h2>
      <ul className="import-mapping">
        {preview.headers.map((h) => (
          <li key={h}>
            <label>
              <span>{h}</span>
              <select
                aria-label={`Field for header ${h}`}
                value={preview.mapping[h]}
                onChange={(e) => onChange({ ...preview.mapping, [h]: e.target.value as CsvField })}
              >
                {csvFields.map((f) => (
                  <option key={f} value={f}>
                    {fieldNames[f]}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
      <h2>3. Preview</h2>
      <p role="status">
        {preview.plan.cards.length} cards will be imported
        {bad ? `; ${bad} ${bad === 1 ? 'row has errors and will be' : 'rows have errors and will be'} skipped` : ''}
        {changed ? `; ${changed} ${changed === 1 ? 'row goes' : 'rows go'} in with changes (see the warnings)` : ''}.
      </p>
      {/* Focusable, so that a keyboard can scroll a table wider than the page. */}
      <div className="import-preview" role="region" aria-label="Preview of the first rows" tabIndex={0}>
        <table className="import-table">
          <caption>The first {shown.length} rows</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Problems</th>
              {preview.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.line} className={r.errors.length ? 'row-error' : r.warnings.length ? 'row-warning' : ''}>
                <td className="num">{r.line}</td>
                <td>
                  {r.errors.length
                    ? `⚠ Skipped: ${r.errors.join('; ')}`
                    : r.warnings.length
                      ? `⚠ Imported, but ${r.warnings.join('; ')}`
                      : 'OK'}
                </td>
                {preview.headers.map((h, i) => (
                  <td key={h}>{r.values[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** What an import changed (or will change) on cards it imports: a long title moved, an owner not added, text cleaned. */
function ChangesTable({ notes, caption }: { notes: ImportNote[]; caption: string }) {
  if (!notes.length) return null;
  return (
    <div className="import-preview" role="region" aria-label={caption} tabIndex={0}>
      <table className="import-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Card or column</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {notes.map((n, i) => (
            <tr key={i}>
              <td>{n.ref}</td>
              <td>{n.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The skipped rows as a CSV file: for a CSV import, the file's own rows with the reason added, so they can be put
 * right and imported again; otherwise each card with its reason.
 */
function downloadSkipped(job: ImportJob, csv: CsvImportPreview | undefined) {
  const name = `${job.fileName.replace(/\.[^.]*$/, '')}-skipped.csv`;
  if (csv) {
    const byLine = new Map(csv.rows.map((r) => [`row ${r.line}`, r.values]));
    return downloadCsv(
      name,
      [...csv.headers, 'Why it was skipped'],
      job.skipped.map((s) => [...(byLine.get(s.ref) ?? csv.headers.map(() => '')), `${s.ref}: ${s.reason}`]),
    );
  }
  downloadCsv(
    name,
    ['Row or card', 'Why it was skipped'],
    job.skipped.map((s) => [s.ref, s.reason]),
  );
}

function ImportProgress({ importId, teamId, csv }: { importId: string; teamId: string; csv?: CsvImportPreview }) {
  const job = useQuery({
    queryKey: ['imports', importId],
    queryFn: () => fetchImport(importId),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'DONE' || q.state.data.status === 'FAILED') ? false : 400,
  });
  const j = job.data;
  if (!j) return <p role="status">Starting the import…</p>;
  const finished = j.status === 'DONE' || j.status === 'FAILED';
  return (
    <section aria-labelledby="import-progress" className="import-progress">
      <h2 id="import-progress">{finished ? 'Import report' : 'Importing…'}</h2>
      <label>
        Progress
        <progress
          max={Math.max(j.total, 1)}
          value={j.processed}
          aria-valuetext={`${j.processed} of ${j.total} cards`}
        />
      </label>
      <p role="status">
        {j.processed} of {j.total} cards processed
      </p>
      {j.status === 'DONE' && (
        <p className="notice info" role="status">
          Imported {j.created} {j.created === 1 ? 'card' : 'cards'}; skipped {j.skipped.length}.
        </p>
      )}
      {j.status === 'FAILED' && (
        <p className="notice error" role="alert">
          {/* The API says what happened and what to do ("… Nothing from this import is on the board; import the file again."). */}
          {j.error ?? 'The import stopped.'}
        </p>
      )}
      {finished && <ChangesTable notes={j.notes} caption="Imported with changes" />}
      {finished && j.skipped.length > 0 && (
        <p>
          <button type="button" onClick={() => downloadSkipped(j, csv)}>
            Download the skipped rows (CSV)
          </button>
        </p>
      )}
      {finished && j.skipped.length > 0 && (
        <table className="import-table">
          <caption>Skipped</caption>
          <thead>
            <tr>
              <th scope="col">Row or card</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {j.skipped.map((s, i) => (
              <tr key={i}>
                <td>{s.ref}</td>
                <td>{s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {finished && (
        <p>
          <Link to={`/teams/${teamId}/board`}>Open the board</Link>
        </p>
      )}
    </section>
  );
}
