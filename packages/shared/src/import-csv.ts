import { CsvError, parseCsv, unguardCsvValue } from './csv';
import { detectDateFormat, readDate, readNumber, type DateFormat, type DateFormatGuess } from './sheet-values';
import { detectDelimiter, type CsvDelimiter } from './text-file';
import {
  CARD_TITLE_MAX,
  emptyCard,
  fingerprint,
  finishPlan,
  IMPORT_MAX_CARDS,
  ImportRefusal,
  TITLE_MOVED_NOTE,
  type CsvField,
  type ImportNote,
  type ImportPlan,
  type ImportSkip,
  type PlannedCard,
} from './imports';

// A CSV import: the header row names the columns; the person maps each header to a card field (the importer
// suggests a mapping from the header's words), sees the first rows with their errors, then imports.

const synonyms: [RegExp, CsvField][] = [
  [/^(id|card id|source id|key)$/i, 'id'],
  [/^(title|name|card|card name|summary|task)$/i, 'title'],
  [/^(column|list|status|stage|state)$/i, 'column'],
  [/^(swimlane|lane)$/i, 'swimlane'],
  [/^(description|desc|details|notes|body)$/i, 'description'],
  [/^(type|card type)$/i, 'type'],
  [/^(labels?|tags?)$/i, 'labels'],
  [/^(owners?|owners?' e-?mails?|assignees?|members?|e-?mails?)$/i, 'owners'],
  [/^(estimate|points|story points|size)$/i, 'estimate'],
  [/^(start|start date|starts|starts on|begins)$/i, 'startDate'],
  [/^(due|due date|deadline|due on)$/i, 'dueDate'],
  [/^(principles?|manifesto principles?)$/i, 'principles'],
  [/^(blocked)$/i, 'blocked'],
  [/^(blocked reason|obstacle|blocker)$/i, 'blockedReason'],
  [/^(hypothesis)$/i, 'hypothesis'],
  [/^(metric)$/i, 'metric'],
];

/** The field each header most likely holds; a header it does not know is ignored (the person can change it). */
export function suggestCsvMapping(headers: string[]): Record<string, CsvField> {
  const used = new Set<CsvField>();
  const mapping: Record<string, CsvField> = {};
  for (const header of headers) {
    const field = synonyms.find(([pattern]) => pattern.test(header.trim()))?.[1] ?? 'ignore';
    mapping[header] = field !== 'ignore' && used.has(field) ? 'ignore' : field;
    used.add(field);
  }
  return mapping;
}

/** A row of a CSV file or a worksheet, as text; `problems` are a worksheet's cells that hold no usable value, by index. */
export interface SheetRecord {
  /** The line of the file, or the row of the sheet (from 1), where the record starts. */
  line: number;
  values: string[];
  problems?: Record<number, string>;
}

export interface SheetImportPreview {
  /** How the start and due dates were read (the one asked for, or the one guessed); null when no column holds dates. */
  dates: DateFormatGuess | null;
  headers: string[];
  mapping: Record<string, CsvField>;
  plan: ImportPlan;
  /**
   * Rows after the header: their line, values, what is wrong with them (the row is left out) and what the import
   * will do differently from the file (the row is imported; empty when it goes in as it is).
   */
  rows: { line: number; values: string[]; errors: string[]; warnings: string[] }[];
}

export interface CsvImportPreview extends SheetImportPreview {
  /** The delimiter the fields were split by: the one asked for, or the one detected from the header line. */
  delimiter: CsvDelimiter;
}

export interface SheetReading {
  dateFormat?: DateFormat;
  /** A preview: a file without a title column still shows its headers, for the person to map one. */
  preview?: boolean;
}

const fieldLabel = (field: CsvField) => field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

const roundedUp = (text: string, points: number) =>
  `estimate "${text}" is rounded up to ${points} points (estimates are whole points)`;

const list = (value: string) =>
  value
    .split(/[;\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
const truthy = /^(yes|y|true|1|x|blocked)$/i;

/**
 * What happens to a row's owners: an e-mail of someone on the team makes them an owner; anyone else is kept as
 * text in the card's description (the import then also leaves out owners a hard personal WIP limit refuses).
 */
export function ownerWarnings(owners: string[], teamEmails: ReadonlySet<string>): string[] {
  return owners
    .map((o) =>
      o.includes('@')
        ? teamEmails.has(o.toLowerCase())
          ? ''
          : `owner ${o} is not on the team: kept as text in the description, not made an owner`
        : `owner "${o}" is not an e-mail address: kept as text in the description`,
    )
    .filter(Boolean);
}

/**
 * Reads a CSV text with a mapping (or the suggested one) into a plan for a board with the given column names. A
 * file that is not CSV, lacks a title column or has too many rows is refused; a row with a problem is skipped
 * with its reason. With the team's e-mails, each row also says what will happen to owners not on the team.
 */
export function planCsvImport(
  text: string,
  boardColumns: string[],
  mapping?: Record<string, CsvField>,
  teamEmails?: ReadonlySet<string>,
  reading: SheetReading & { delimiter?: CsvDelimiter } = {},
): CsvImportPreview {
  const delimiter = reading.delimiter ?? detectDelimiter(text);
  let records;
  try {
    records = parseCsv(text, delimiter);
  } catch (error) {
    if (error instanceof CsvError) throw new ImportRefusal(`line ${error.line}`, error.message);
    throw error;
  }
  return { delimiter, ...planSheetImport(records, boardColumns, mapping, teamEmails, reading) };
}

/**
 * Rows of text (a CSV file's, or a worksheet's), the first the header row, into a plan: the mapping, checks and
 * report of the CSV import, for every kind of sheet.
 */
export function planSheetImport(
  records: readonly SheetRecord[],
  boardColumns: string[],
  mapping?: Record<string, CsvField>,
  teamEmails?: ReadonlySet<string>,
  reading: SheetReading = {},
): SheetImportPreview {
  const [head, ...body] = records;
  if (!head) throw new ImportRefusal('file', 'The file has no header row');
  const headers = head.values.map((h) => h.trim());
  if (new Set(headers).size !== headers.length)
    throw new ImportRefusal('header', `Line ${head.line}: two columns have the same header`);
  const effective = { ...suggestCsvMapping(headers), ...(mapping ?? {}) };
  for (const key of Object.keys(mapping ?? {}))
    if (!headers.includes(key)) throw new ImportRefusal(`csvMapping.${key}`, `The file has no column headed "${key}"`);
  const index = (field: CsvField) => headers.findIndex((h) => effective[h] === field);
  const noTitle = 'No column is mapped to the card title';
  // The preview still shows the headers, so the person can map one to the title; an import is refused.
  if (index('title') < 0 && !reading.preview) throw new ImportRefusal('header', noTitle);
  if (body.length > IMPORT_MAX_CARDS)
    throw new ImportRefusal(
      'file',
      `The file has ${body.length} rows; at most ${IMPORT_MAX_CARDS} can be imported at once`,
    );

  // Start and due dates are read in one format, guessed from both columns.
  const dateIndexes = [index('startDate'), index('dueDate')].filter((i) => i >= 0);
  const guessed = dateIndexes.length
    ? detectDateFormat(body.flatMap((r) => dateIndexes.map((i) => r.values[i] ?? '')))
    : null;
  const dates = guessed && reading.dateFormat ? { format: reading.dateFormat, ambiguous: guessed.ambiguous } : guessed;
  const columnsByName = new Map(boardColumns.map((c) => [c.toLowerCase(), c]));
  const cards: PlannedCard[] = [];
  const skipped: ImportSkip[] = [];
  const notes: ImportNote[] = [];
  const rows: SheetImportPreview['rows'] = [];
  const seen = new Set<string>();
  for (const record of body) {
    const errors: string[] = [];
    const get = (field: CsvField) => {
      const i = index(field);
      const problem = i < 0 ? undefined : record.problems?.[i];
      // A cell the workbook holds no value in fails its row, once, when a mapped field reads it.
      if (problem && !errors.some((e) => e.endsWith(problem))) errors.push(`${fieldLabel(field)}: ${problem}`);
      return i < 0 ? '' : unguardCsvValue((record.values[i] ?? '').trim());
    };
    const ref = `row ${record.line}`;
    if (record.values.length > headers.length && record.values.slice(headers.length).some((v) => v.trim()))
      errors.push(`has ${record.values.length} values for ${headers.length} headers`);
    const title = get('title');
    if (index('title') < 0) errors.push(noTitle.toLowerCase());
    else if (!title) errors.push('title is empty');
    const columnText = get('column');
    const column = columnText ? columnsByName.get(columnText.toLowerCase()) : boardColumns[0];
    if (!column) errors.push(`column: the board has no column named "${columnText}"`);
    const estimateText = get('estimate');
    const points = estimateText === '' ? null : readNumber(estimateText);
    // Estimates are whole story points: a fraction ("2,5") is rounded up, and the row says so.
    const estimate = points === null ? null : Math.ceil(points);
    if (estimateText !== '' && (estimate === null || estimate < 0 || estimate > 1000))
      errors.push(`estimate: "${estimateText}" is not a number of points from 0 to 1000`);
    const dueText = get('dueDate');
    const due = dueText && dates ? readDate(dueText, dates.format) : null;
    if (dueText && !due) errors.push(`due date: "${dueText}" is not a date in the ${dates!.format} format`);
    const startText = get('startDate');
    const start = startText && dates ? readDate(startText, dates.format) : null;
    if (startText && !start) errors.push(`start date: "${startText}" is not a date in the ${dates!.format} format`);
    if (start && due && new Date(start).getTime() > new Date(due).getTime())
      errors.push(`start date: ${startText} is after the due date ${dueText}`);
    const typeText = get('type').toUpperCase();
    if (typeText && typeText !== 'TASK' && typeText !== 'EXPERIMENT')
      errors.push(`type: "${get('type')}" is neither task nor experiment`);
    const sourceId = get('id')
      ? `csv:${get('id')}`
      : `csv:${fingerprint([title, columnText, get('description')].join('\u0000'))}`;
    if (!errors.length && seen.has(sourceId)) errors.push('repeats an earlier row');
    const owners = list(get('owners'));
    const warnings = errors.length
      ? []
      : [
          ...(title.length > CARD_TITLE_MAX ? [TITLE_MOVED_NOTE] : []),
          ...(points !== null && estimate !== points ? [roundedUp(estimateText, estimate!)] : []),
          ...(teamEmails ? ownerWarnings(owners, teamEmails) : []),
        ];
    rows.push({ line: record.line, values: record.values, errors, warnings });
    if (errors.length) {
      skipped.push({ ref, reason: errors.join('; ') });
      continue;
    }
    seen.add(sourceId);
    if (points !== null && estimate !== points) notes.push({ ref, note: roundedUp(estimateText, estimate!) });
    const blockedReason = get('blockedReason') || null;
    cards.push({
      ...emptyCard(sourceId, ref, title, column!),
      swimlane: get('swimlane') || null,
      type: typeText === 'EXPERIMENT' ? 'EXPERIMENT' : 'TASK',
      description: get('description'),
      labels: [...new Set(list(get('labels')))].slice(0, 20),
      ownerEmails: owners.filter((o) => o.includes('@')).map((o) => o.toLowerCase()),
      ownerNames: owners.filter((o) => !o.includes('@')),
      principles: list(get('principles')),
      estimate,
      startDate: start,
      dueDate: due,
      blocked: truthy.test(get('blocked')) || (get('blocked') === '' && Boolean(blockedReason) && index('blocked') < 0),
      blockedReason,
      hypothesis: get('hypothesis') || null,
      metric: get('metric') || null,
    });
  }
  return {
    dates,
    headers,
    mapping: effective,
    rows,
    plan: finishPlan({ columns: [], swimlanes: [], replaceColumns: false, cards, skipped, notes }),
  };
}

/** A workbook's sheet (the one named, or the first) into a plan, as a CSV file would be; the preview names the sheets. */
export function planWorkbookImport(
  sheets: readonly { name: string; records: readonly SheetRecord[] }[],
  sheetName: string | undefined,
  boardColumns: string[],
  mapping?: Record<string, CsvField>,
  teamEmails?: ReadonlySet<string>,
  reading: SheetReading = {},
): SheetImportPreview & { sheet: string; sheets: string[] } {
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new ImportRefusal('xlsxSheet', `The workbook has no sheet named "${sheetName}"`);
  return {
    sheet: sheet.name,
    sheets: sheets.map((s) => s.name),
    ...planSheetImport(sheet.records, boardColumns, mapping, teamEmails, reading),
  };
}
