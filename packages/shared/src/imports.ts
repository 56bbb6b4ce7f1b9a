import { z } from 'zod';
import { cardTypeSchema, flowCategorySchema, wipPolicySchema } from './boards';
import { idSchema } from './common';
import { dateFormats } from './sheet-values';
import { csvDelimiters } from './text-file';

// Importing cards into a team's board from a Trello export, a CSV file, an Excel workbook (.xlsx, read as a CSV file
// is), or this board's own JSON export. The file
// is checked whole before anything is written: a bad file is refused with a message naming the row or field. A
// good one becomes a plan (columns, cards), which a background job writes in batches, reporting its progress.

/** Larger files are refused: 5 MiB of text (or of a zipped workbook) is tens of thousands of cards. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_CARDS = 10_000;

export const importFormats = ['trello', 'csv', 'xlsx', 'board'] as const;
export const importFormatSchema = z.enum(importFormats);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** The card fields a CSV column can hold; `ignore` leaves a column out. */
export const csvFields = [
  'ignore',
  'id',
  'title',
  'column',
  'swimlane',
  'description',
  'type',
  'labels',
  'owners',
  'estimate',
  'startDate',
  'dueDate',
  'principles',
  'blocked',
  'blockedReason',
  'hypothesis',
  'metric',
] as const;
export const csvFieldSchema = z.enum(csvFields);
export type CsvField = z.infer<typeof csvFieldSchema>;

export const startImportBodySchema = z.object({
  format: importFormatSchema,
  fileName: z.string().max(255).default('import'),
  /** The file's bytes, base64-encoded: the server checks the encoding itself. */
  content: z.string().min(1, { message: 'is empty: choose a file' }),
  /** CSV and workbooks: which card field each header holds (by header text). */
  csvMapping: z.record(z.string(), csvFieldSchema).optional(),
  /** CSV: the delimiter between fields the person chose in the preview; detected from the header line when absent. */
  csvDelimiter: z.enum(csvDelimiters).optional(),
  /** CSV and workbooks: how due dates written as text are read, as the person chose; guessed when absent. */
  csvDateFormat: z.enum(dateFormats).optional(),
  /** Workbooks: the sheet to import, by name; the first when absent. */
  xlsxSheet: z.string().min(1).max(31).optional(),
  /** Trello: the flow category the person confirmed for each list (by list name). */
  flowCategories: z.record(z.string(), flowCategorySchema).optional(),
});
export type StartImportBody = z.infer<typeof startImportBodySchema>;

export const teamImportParamsSchema = z.object({ teamId: idSchema });
export const importParamsSchema = z.object({ importId: idSchema });

export const importSkipSchema = z.object({ ref: z.string(), reason: z.string() });
export type ImportSkip = z.infer<typeof importSkipSchema>;
/** Something an import changed on a card it did import (a long title moved, text cleaned, an owner not added). */
export const importNoteSchema = z.object({ ref: z.string(), note: z.string() });
export type ImportNote = z.infer<typeof importNoteSchema>;

/** At most this many imports of one team may wait or run at once; one more is refused (429). */
export const IMPORT_MAX_QUEUED_PER_TEAM = 3;

export const importJobSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  boardId: idSchema,
  format: importFormatSchema,
  fileName: z.string(),
  status: z.enum(['QUEUED', 'RUNNING', 'DONE', 'FAILED']),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  skipped: z.array(importSkipSchema),
  notes: z.array(importNoteSchema),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

// ---------- the plan: what an import will write ----------

export interface PlannedColumn {
  name: string;
  flowCategory: z.infer<typeof flowCategorySchema>;
  position?: number;
  wipLimit?: number | null;
  wipPolicy?: z.infer<typeof wipPolicySchema>;
}

export interface PlannedCard {
  /** Where it came from ("trello:…", "csv:…", "board:…"): a card already imported from it is not imported again. */
  sourceId: string;
  /** How the report names it: "row 4", or the card's title. */
  ref: string;
  column: string;
  swimlane: string | null;
  /** The rank it had in the file (this board's own export); otherwise ranks follow the file's order. */
  rank?: string;
  archived: boolean;
  type: z.infer<typeof cardTypeSchema>;
  title: string;
  description: string;
  labels: string[];
  /** Owners by e-mail; any not found become text on the card, with `ownerNames`. */
  ownerEmails: string[];
  ownerNames: string[];
  principles: string[];
  estimate: number | null;
  /** Never after `dueDate`: a row with its start after its due date is skipped. */
  startDate: string | null;
  dueDate: string | null;
  blocked: boolean;
  blockedReason: string | null;
  hypothesis: string | null;
  metric: string | null;
  comments: { author: string | null; body: string; at: string | null }[];
  checklists: { title: string; items: { text: string; done: boolean }[] }[];
  links: { kind: 'DEPENDS_ON' | 'BLOCKS' | 'RELATES'; toSourceId: string }[];
}

export interface ImportPlan {
  columns: PlannedColumn[];
  swimlanes: { name: string; position: number; wipLimit: number | null; wipPolicy: 'SOFT' | 'HARD' }[];
  /** The board's own export into an empty board: columns are made exactly as in the file. */
  replaceColumns: boolean;
  cards: PlannedCard[];
  /** Rows or cards left out, and why (shown in the preview and in the report). */
  skipped: ImportSkip[];
  /** What was changed on cards that are imported (shown in the preview and in the report). */
  notes: ImportNote[];
}

/** A file that cannot be imported at all: the message names the row or field. */
export class ImportRefusal extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export function emptyCard(sourceId: string, ref: string, title: string, column: string): PlannedCard {
  return {
    sourceId,
    ref,
    column,
    swimlane: null,
    archived: false,
    type: 'TASK',
    title,
    description: '',
    labels: [],
    ownerEmails: [],
    ownerNames: [],
    principles: [],
    estimate: null,
    startDate: null,
    dueDate: null,
    blocked: false,
    blockedReason: null,
    hypothesis: null,
    metric: null,
    comments: [],
    checklists: [],
    links: [],
  };
}

/** A short stable fingerprint of a text (FNV-1a, two seeds): a CSV row without an id is known by it. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

// ---------- what every plan goes through before it is shown or stored ----------

/** A card's title is at most this long (the API's own limit): it is read on the card's face. */
export const CARD_TITLE_MAX = 200;

/** How a report names a card: its title, shortened. */
export function cardRef(title: string): string {
  const short = title.length > 60 ? `${title.slice(0, 59).trimEnd()}…` : title;
  return `card "${short}"`;
}

/**
 * A title that fits on a card: one longer than CARD_TITLE_MAX is cut at the last word before the limit and ends
 * with "…"; the caller keeps the whole title in the description.
 */
export function fitTitle(title: string): { title: string; cut: boolean } {
  if (title.length <= CARD_TITLE_MAX) return { title, cut: false };
  const head = title.slice(0, CARD_TITLE_MAX - 1);
  const space = head.lastIndexOf(' ');
  return { title: `${(space > CARD_TITLE_MAX / 2 ? head.slice(0, space) : head).trimEnd()}…`, cut: true };
}

export const TITLE_MOVED_NOTE = `the title is longer than ${CARD_TITLE_MAX} characters: it is shortened on the card and kept whole at the top of its description`;
export const TEXT_CLEANED_NOTE =
  'characters that cannot be stored (a NUL character or half of an emoji) were taken out of its text';

// NUL cannot be stored in PostgreSQL text; a lone surrogate is not Unicode (it becomes U+FFFD, the replacement sign).
// eslint-disable-next-line no-control-regex -- NUL is exactly what it looks for
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without NUL characters and with lone surrogates replaced. */
export function cleanText(text: string): string {
  return text.replace(unstorable, (c) => (c === '\u0000' ? '' : '\uFFFD'));
}

/** Every string in `value` cleaned (a new value only where something changed), and whether anything was. */
function cleanDeep<T>(value: T): { value: T; changed: boolean } {
  if (typeof value === 'string') {
    unstorable.lastIndex = 0;
    if (!unstorable.test(value)) return { value, changed: false };
    return { value: cleanText(value) as T, changed: true };
  }
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v: unknown) => {
      const r = cleanDeep(v);
      changed ||= r.changed;
      return r.value;
    });
    return { value: (changed ? out : value) as T, changed };
  }
  if (value && typeof value === 'object') {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = cleanDeep(v);
      changed ||= r.changed;
      out[k] = r.value;
    }
    return { value: (changed ? out : value) as T, changed };
  }
  return { value, changed: false };
}

/**
 * The last step of every plan: text that cannot be stored is cleaned, and a title too long for a card is shortened
 * with the whole title kept at the top of the description. Each change is a note naming the card, so the preview
 * and the report say it; nothing is lost without a word.
 */
export function finishPlan(plan: ImportPlan): ImportPlan {
  const notes: ImportNote[] = [...plan.notes];
  const columns = plan.columns.map((c) => {
    const r = cleanDeep(c);
    if (r.changed)
      notes.push({
        ref: `column "${r.value.name}"`,
        note: `characters that cannot be stored were taken out of its name`,
      });
    return r.value;
  });
  const swimlanes = plan.swimlanes.map((l) => cleanDeep(l).value);
  const cards = plan.cards.map(({ column, ...raw }) => {
    // The column's name is noted once, with the column.
    const cleaned = cleanDeep(raw);
    const card = { ...cleaned.value, column: cleanText(column) };
    const changed = cleaned.changed;
    const fitted = fitTitle(card.title);
    if (changed) notes.push({ ref: card.ref, note: TEXT_CLEANED_NOTE });
    if (!fitted.cut) return card;
    notes.push({ ref: card.ref, note: TITLE_MOVED_NOTE });
    return {
      ...card,
      title: fitted.title,
      description: [`Full title: ${card.title}`, card.description].filter(Boolean).join('\n\n'),
    };
  });
  return { ...plan, columns, swimlanes, cards, skipped: cleanDeep(plan.skipped).value, notes };
}
