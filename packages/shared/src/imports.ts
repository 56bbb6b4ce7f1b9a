import { z } from 'zod';
import { cardTypeSchema, flowCategorySchema, wipPolicySchema } from './boards';
import { idSchema } from './common';

// Importing cards into a team's board from a Trello export, a CSV file, or this board's own JSON export. The file
// is checked whole before anything is written: a bad file is refused with a message naming the row or field. A
// good one becomes a plan (columns, cards), which a background job writes in batches, reporting its progress.

/** Larger files are refused: 5 MiB of text is tens of thousands of cards. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_CARDS = 10_000;

export const importFormats = ['trello', 'csv', 'board'] as const;
export const importFormatSchema = z.enum(importFormats);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** The card fields a CSV column can hold; `ignore` leaves a column out. */
export const csvFields = ['ignore', 'id', 'title', 'column', 'swimlane', 'description', 'type', 'labels', 'owners', 'estimate', 'dueDate', 'principles', 'blocked', 'blockedReason', 'hypothesis', 'metric'] as const;
export const csvFieldSchema = z.enum(csvFields);
export type CsvField = z.infer<typeof csvFieldSchema>;

export const startImportBodySchema = z.object({
  format: importFormatSchema,
  fileName: z.string().max(255).default('import'),
  /** The file's bytes, base64-encoded: the server checks the encoding itself. */
  content: z.string().min(1, { message: 'is empty: choose a file' }),
  /** CSV: which card field each header holds (by header text). */
  csvMapping: z.record(z.string(), csvFieldSchema).optional(),
  /** Trello: the flow category the person confirmed for each list (by list name). */
  flowCategories: z.record(z.string(), flowCategorySchema).optional(),
});
export type StartImportBody = z.infer<typeof startImportBodySchema>;

export const teamImportParamsSchema = z.object({ teamId: idSchema });
export const importParamsSchema = z.object({ importId: idSchema });

export const importSkipSchema = z.object({ ref: z.string(), reason: z.string() });
export type ImportSkip = z.infer<typeof importSkipSchema>;

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
