import { z } from 'zod';
import { activityKindSchema } from './activity';
import { approvalDecisions } from './approvals';
import { cardTypeSchema, experimentResultSchema, flowCategorySchema, wipPolicySchema } from './boards';

// A board as a file: the JSON export, which the importer reads back into an empty team, and the CSV export's header.

export const boardExportFormat = 'agile-marketing-board/board';
const text = z.string();
const when = z.string().nullable();

/**
 * A file on the card, each version with where to download it (with the reader's access, like the board). Files
 * themselves are not in the export, so an import leaves them out.
 */
export const exportedAttachmentSchema = z.object({
  name: text,
  versions: z.array(
    z.object({
      number: z.number().int(),
      fileName: text,
      contentType: text,
      size: z.number().int(),
      uploader: text.nullable(),
      uploadedAt: text,
      downloadPath: text,
    }),
  ),
});

/** The card's current approval request: what is asked about, and each approver's answer. */
export const exportedApprovalSchema = z.object({
  attachment: text.nullable(),
  version: z.number().int().nullable(),
  requestedBy: text.nullable(),
  note: text,
  requestedAt: text,
  approvers: z.array(z.object({ person: text, decision: z.enum(approvalDecisions), comment: text, decidedAt: when })),
});

export const exportedCardSchema = z.object({
  /** The card's id on the board it came from: importing the file again does not duplicate the card. */
  id: text,
  column: text,
  swimlane: text.nullable(),
  rank: text,
  type: cardTypeSchema,
  title: text,
  description: text,
  labels: z.array(text),
  /** Owners by e-mail: on import they become the people with those addresses, where they exist. */
  owners: z.array(text),
  principles: z.array(text),
  estimate: z.number().int().nullable(),
  /** Absent from files exported before cards had start dates. */
  startDate: when.default(null),
  dueDate: when,
  blocked: z.boolean(),
  blockedReason: text.nullable(),
  blockerCategory: text.nullable(),
  hypothesis: text.nullable(),
  metric: text.nullable(),
  experimentResult: experimentResultSchema.nullable(),
  sprint: text.nullable(),
  /** The organisation's campaign the card delivers for, by name; absent from files exported before campaigns. */
  campaign: text.nullable().default(null),
  createdAt: text,
  startedAt: when,
  completedAt: when,
  archivedAt: when,
  comments: z.array(z.object({ author: text.nullable(), body: text, createdAt: text })),
  checklists: z.array(z.object({ title: text, items: z.array(z.object({ text, done: z.boolean() })) })),
  links: z.array(z.object({ kind: z.enum(['DEPENDS_ON', 'BLOCKS', 'RELATES']), toCardId: text })),
  /** Absent from files exported before files could be attached. */
  attachments: z.array(exportedAttachmentSchema).default([]),
  approval: exportedApprovalSchema.nullable().default(null),
  history: z.array(
    z.object({
      at: text,
      kind: activityKindSchema.or(text),
      actor: text.nullable(),
      field: text.nullable(),
      from: z.unknown(),
      to: z.unknown(),
    }),
  ),
});
export type ExportedCard = z.infer<typeof exportedCardSchema>;

export const boardExportSchema = z.object({
  format: z.literal(boardExportFormat),
  version: z.literal(1),
  exportedAt: text,
  team: z.object({ name: text }),
  board: z.object({
    name: text,
    columns: z.array(
      z.object({
        name: text,
        position: z.number().int(),
        flowCategory: flowCategorySchema,
        wipLimit: z.number().int().nullable(),
        wipPolicy: wipPolicySchema,
      }),
    ),
    swimlanes: z.array(
      z.object({
        name: text,
        position: z.number().int(),
        wipLimit: z.number().int().nullable(),
        wipPolicy: wipPolicySchema,
      }),
    ),
  }),
  cards: z.array(exportedCardSchema),
});
export type BoardExport = z.infer<typeof boardExportSchema>;

/** The CSV export's columns, in order; the CSV importer recognises these headers without mapping. */
export const boardCsvHeader = [
  'id',
  'title',
  'type',
  'column',
  'flow category',
  'swimlane',
  'description',
  'labels',
  'owners',
  'principles',
  'estimate',
  'start date',
  'due date',
  'blocked',
  'blocked reason',
  'blocker category',
  'hypothesis',
  'metric',
  'experiment result',
  'sprint',
  'campaign',
  'created at',
  'started at',
  'completed at',
  'archived at',
  'comments',
  'checklist items',
] as const;
