import { CsvError, parseCsv, unguardCsvValue } from './csv';
import {
  CARD_TITLE_MAX,
  emptyCard,
  fingerprint,
  finishPlan,
  IMPORT_MAX_CARDS,
  ImportRefusal,
  TITLE_MOVED_NOTE,
  type CsvField,
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

export interface CsvImportPreview {
  headers: string[];
  mapping: Record<string, CsvField>;
  plan: ImportPlan;
  /**
   * Rows after the header: their line, values, what is wrong with them (the row is left out) and what the import
   * will do differently from the file (the row is imported; empty when it goes in as it is).
   */
  rows: { line: number; values: string[]; errors: string[]; warnings: string[] }[];
}

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
): CsvImportPreview {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new ImportRefusal(`line ${error.line}`, error.message);
    throw error;
  }
  const [head, ...body] = records;
  if (!head) throw new ImportRefusal('file', 'The file has no header row');
  const headers = head.values.map((h) => h.trim());
  if (new Set(headers).size !== headers.length)
    throw new ImportRefusal('header', `Line ${head.line}: two columns have the same header`);
  const effective = { ...suggestCsvMapping(headers), ...(mapping ?? {}) };
  for (const key of Object.keys(mapping ?? {}))
    if (!headers.includes(key)) throw new ImportRefusal(`csvMapping.${key}`, `The file has no column headed "${key}"`);
  const index = (field: CsvField) => headers.findIndex((h) => effective[h] === field);
  if (index('title') < 0) throw new ImportRefusal('header', 'No column is mapped to the card title');
  if (body.length > IMPORT_MAX_CARDS)
    throw new ImportRefusal(
      'file',
      `The file has ${body.length} rows; at most ${IMPORT_MAX_CARDS} can be imported at once`,
    );

  const columnsByName = new Map(boardColumns.map((c) => [c.toLowerCase(), c]));
  const cards: PlannedCard[] = [];
  const skipped: ImportSkip[] = [];
  const rows: CsvImportPreview['rows'] = [];
  const seen = new Set<string>();
  for (const record of body) {
    const get = (field: CsvField) => {
      const i = index(field);
      return i < 0 ? '' : unguardCsvValue((record.values[i] ?? '').trim());
    };
    const errors: string[] = [];
    const ref = `row ${record.line}`;
    if (record.values.length > headers.length && record.values.slice(headers.length).some((v) => v.trim()))
      errors.push(`has ${record.values.length} values for ${headers.length} headers`);
    const title = get('title');
    if (!title) errors.push('title is empty');
    const columnText = get('column');
    const column = columnText ? columnsByName.get(columnText.toLowerCase()) : boardColumns[0];
    if (!column) errors.push(`column: the board has no column named "${columnText}"`);
    const estimateText = get('estimate');
    const estimate = estimateText === '' ? null : Number(estimateText);
    if (estimate !== null && (!Number.isInteger(estimate) || estimate < 0 || estimate > 1000))
      errors.push(`estimate: "${estimateText}" is not a whole number of points`);
    const dueText = get('dueDate');
    const due = dueText ? new Date(/^\d{4}-\d\d-\d\d$/.test(dueText) ? `${dueText}T00:00:00Z` : dueText) : null;
    if (due && Number.isNaN(due.getTime())) errors.push(`due date: "${dueText}" is not a date (use YYYY-MM-DD)`);
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
          ...(teamEmails ? ownerWarnings(owners, teamEmails) : []),
        ];
    rows.push({ line: record.line, values: record.values, errors, warnings });
    if (errors.length) {
      skipped.push({ ref, reason: errors.join('; ') });
      continue;
    }
    seen.add(sourceId);
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
      dueDate: due ? due.toISOString() : null,
      blocked: truthy.test(get('blocked')) || (get('blocked') === '' && Boolean(blockedReason) && index('blocked') < 0),
      blockedReason,
      hypothesis: get('hypothesis') || null,
      metric: get('metric') || null,
    });
  }
  return {
    headers,
    mapping: effective,
    rows,
    plan: finishPlan({ columns: [], swimlanes: [], replaceColumns: false, cards, skipped, notes: [] }),
  };
}
