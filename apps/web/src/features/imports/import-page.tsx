import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { suggestFlowCategory } from '@amb/domain/import-flow';
import { flowCategories } from '@amb/shared/boards';
import { planCsvImport, planWorkbookImport, type SheetImportPreview } from '@amb/shared/import-csv';
import { planTrelloImport, readTrelloBoard, trelloColumns } from '@amb/shared/import-trello';
import { readBoardExport } from '@amb/shared/import-board';
import { dateFormatNames, type DateFormat, type DateFormatGuess } from '@amb/shared/sheet-values';
import { decodeTextFile, detectDelimiter, type CsvDelimiter, type TextEncodingName } from '@amb/shared/text-file';
// Types only: exceljs itself is loaded when a workbook is picked, never with the page (see readWorkbookFile).
import type { WorkbookSheet } from '@amb/shared/xlsx';
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
  xlsx: 'Excel workbook (.xlsx)',
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
  startDate: 'Start date',
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
  encoding: TextEncodingName;
}

const encodingNames: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little endian)',
  'utf-16be': 'UTF-16 (big endian)',
  'windows-1252': 'Windows-1252 (Western European)',
};
const delimiterNames: Record<CsvDelimiter, string> = {
  ',': 'Comma ( , )',
  ';': 'Semicolon ( ; )',
  '\t': 'Tab',
  '|': 'Pipe ( | )',
};

/** Accepted file types per format, for the file picker. */
const accepted: Record<ImportFormat, string> = {
  trello: '.json,application/json',
  csv: '.csv,.tsv,.txt,text/csv,text/tab-separated-values',
  xlsx: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  board: '.json,application/json',
};

/** A workbook's sheets as rows of text, read with exceljs, which is fetched only now: it is larger than the rest of the app. */
async function readWorkbookFile(bytes: ArrayBuffer): Promise<WorkbookSheet[]> {
  const { readWorkbook } = await import('@amb/shared/xlsx');
  return readWorkbook(new Uint8Array(bytes));
}

type WorkbookReading = { sheets: WorkbookSheet[] } | { error: string };

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
  const [delimiter, setDelimiter] = useState<CsvDelimiter | undefined>(undefined);
  const [dateFormat, setDateFormat] = useState<DateFormat | undefined>(undefined);
  const [readings, setReadings] = useState<{ file: Loaded; reading: WorkbookReading } | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [flows, setFlows] = useState<Record<string, PlannedColumn['flowCategory']>>({});
  const [jobId, setJobId] = useState<string | null>(null);

  // A workbook is read once per file, in the background; the preview waits for it.
  useEffect(() => {
    if (format !== 'xlsx' || !file) return;
    let current = true;
    readWorkbookFile(file.bytes).then(
      (sheets) => current && setReadings({ file, reading: { sheets } }),
      (error: Error) => current && setReadings({ file, reading: { error: error.message } }),
    );
    return () => {
      current = false;
    };
  }, [file, format]);
  const workbook = readings?.file === file ? readings.reading : null;

  const boardColumns = board.data?.columns;
  const preview = useMemo(() => {
    if (!file) return null;
    try {
      if (format === 'xlsx') {
        if (!workbook) return null;
        if ('error' in workbook) return { kind: 'refused' as const, message: workbook.error };
        const read = planWorkbookImport(workbook.sheets, sheet, boardColumns ?? [], mapping, teamEmails.data, {
          dateFormat,
          preview: true,
        });
        return { kind: 'xlsx' as const, csv: read, sheet: read.sheet, sheets: read.sheets };
      }
      if (format === 'csv')
        return {
          kind: 'csv' as const,
          csv: planCsvImport(file.text, boardColumns ?? [], mapping, teamEmails.data, {
            delimiter,
            dateFormat,
            preview: true,
          }),
        };
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
  }, [file, format, workbook, sheet, mapping, delimiter, dateFormat, boardColumns, teamEmails.data]);
  const read = preview?.kind === 'csv' || preview?.kind === 'xlsx' ? preview.csv : undefined;

  const start = useMutation({
    mutationFn: () =>
      startImport(teamId, {
        format,
        fileName: file!.name,
        content: toBase64(file!.bytes),
        csvMapping: read?.mapping,
        csvDelimiter: format === 'csv' ? delimiter : undefined,
        csvDateFormat: read?.dates?.format,
        xlsxSheet: preview?.kind === 'xlsx' ? preview.sheet : undefined,
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
    setDelimiter(undefined);
    setDateFormat(undefined);
    setSheet(undefined);
    setFlows({});
    setJobId(null);
    setFileError(null);
    start.reset();
    if (!picked) return;
    if (picked.size > IMPORT_MAX_BYTES)
      return setFileError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
    const bytes = await picked.arrayBuffer();
    // A workbook picked as another format would be read as text: it is read as the workbook it is.
    if (/\.xlsx$/i.test(picked.name)) setFormat('xlsx');
    // Read as the server will: UTF-8 with or without a mark, UTF-16 with its mark, otherwise Windows-1252.
    setFile({ name: picked.name, bytes, ...decodeTextFile(new Uint8Array(bytes)) });
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
            <input type="file" accept={accepted[format]} onChange={(e) => void choose(e.target.files?.[0])} />
          </label>
          {(fileError ?? refused) && (
            <p className="notice error" role="alert">
              This file cannot be imported: {fileError ?? refused}
            </p>
          )}
        </section>
      )}

      {!jobId && format === 'csv' && file && (
        <CsvReading
          encoding={file.encoding}
          delimiter={read && 'delimiter' in read ? read.delimiter : (delimiter ?? detectDelimiter(file.text))}
          onDelimiter={(d) => {
            setDelimiter(d);
            setMapping(undefined);
          }}
          dates={read?.dates ?? null}
          onDateFormat={setDateFormat}
        />
      )}
      {!jobId && format === 'xlsx' && file && !workbook && <p role="status">Reading the workbook…</p>}
      {!jobId && preview?.kind === 'xlsx' && (
        <WorkbookReadingChoices
          sheet={preview.sheet}
          sheets={preview.sheets}
          onSheet={(name) => {
            setSheet(name);
            setMapping(undefined);
            setDateFormat(undefined);
          }}
          dates={preview.csv.dates}
          onDateFormat={setDateFormat}
        />
      )}
      {!jobId && read && <CsvMapping preview={read} onChange={setMapping} />}
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
          <button
            type="button"
            className="primary"
            disabled={start.isPending || (read !== undefined && !read.plan.cards.length)}
            onClick={() => start.mutate()}
          >
            Start import
          </button>
          {start.error && (
            <span className="notice error" role="alert">
              {start.error instanceof ApiError ? start.error.message : 'The import could not start'}
            </span>
          )}
        </p>
      )}
      {jobId && <ImportProgress importId={jobId} teamId={teamId} csv={read} />}
    </main>
  );
}

/** One choice about how the file is read, among the options named. */
function ReadingChoice<T extends string>({
  id,
  label,
  value,
  names,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  names: Record<T, string>;
  onChange: (value: T) => void;
}) {
  return (
    <div>
      <dt>
        <label htmlFor={id}>{label}</label>
      </dt>
      <dd>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {(Object.keys(names) as T[]).map((option) => (
            <option key={option} value={option}>
              {names[option]}
            </option>
          ))}
        </select>
      </dd>
    </div>
  );
}

/** How the file was read: its encoding (detected) and the delimiter between fields (detected, and changeable). */
function CsvReading({
  encoding,
  delimiter,
  onDelimiter,
  dates,
  onDateFormat,
}: {
  encoding: TextEncodingName;
  delimiter: CsvDelimiter | undefined;
  onDelimiter: (d: CsvDelimiter) => void;
  dates: DateFormatGuess | null;
  onDateFormat: (f: DateFormat) => void;
}) {
  return (
    <>
      <dl className="import-reading" aria-label="How the file was read">
        <div>
          <dt>Encoding</dt>
          <dd>{encodingNames[encoding]}</dd>
        </div>
        <ReadingChoice
          id="import-delimiter"
          label="Fields separated by"
          value={delimiter ?? ','}
          names={delimiterNames}
          onChange={onDelimiter}
        />
        {dates && (
          <ReadingChoice
            id="import-date-format"
            label="Due dates written"
            value={dates.format}
            names={dateFormatNames}
            onChange={onDateFormat}
          />
        )}
      </dl>
      {dates?.ambiguous && (
        <p className="notice warning" role="status">
          Dates such as 05/06 read both day first and month first: check the format the start and due dates are read in.
        </p>
      )}
    </>
  );
}

/** How a workbook is read: which sheet (when it has several) and how due dates written as text are read. */
function WorkbookReadingChoices({
  sheet,
  sheets,
  onSheet,
  dates,
  onDateFormat,
}: {
  sheet: string;
  sheets: string[];
  onSheet: (name: string) => void;
  dates: DateFormatGuess | null;
  onDateFormat: (f: DateFormat) => void;
}) {
  if (sheets.length < 2 && !dates) return null;
  return (
    <dl className="import-reading" aria-label="How the file was read">
      {sheets.length > 1 && (
        <ReadingChoice
          id="import-sheet"
          label="Sheet"
          value={sheet}
          names={Object.fromEntries(sheets.map((s) => [s, s]))}
          onChange={onSheet}
        />
      )}
      {dates && (
        <ReadingChoice
          id="import-date-format"
          label="Due dates written as text"
          value={dates.format}
          names={dateFormatNames}
          onChange={onDateFormat}
        />
      )}
    </dl>
  );
}

function CsvMapping({
  preview,
  onChange,
}: {
  preview: SheetImportPreview;
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
function downloadSkipped(job: ImportJob, csv: SheetImportPreview | undefined) {
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

function ImportProgress({ importId, teamId, csv }: { importId: string; teamId: string; csv?: SheetImportPreview }) {
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
