import { boardExportSchema, type BoardExport } from './board-export';
import {
  cardRef,
  emptyCard,
  finishPlan,
  IMPORT_MAX_CARDS,
  ImportRefusal,
  type ImportNote,
  type ImportPlan,
} from './imports';

// This board's own JSON export, read back: into an empty board it gives the same columns, swimlanes and cards.

export function readBoardExport(json: unknown): BoardExport {
  const parsed = boardExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'file';
    throw new ImportRefusal(field, `Not a board export: ${field} ${issue.message.toLowerCase()}`);
  }
  if (parsed.data.cards.length > IMPORT_MAX_CARDS)
    throw new ImportRefusal(
      'cards',
      `The file has ${parsed.data.cards.length} cards; at most ${IMPORT_MAX_CARDS} can be imported at once`,
    );
  const columns = new Set(parsed.data.board.columns.map((c) => c.name));
  const bad = parsed.data.cards.findIndex((c) => !columns.has(c.column));
  if (bad >= 0)
    throw new ImportRefusal(
      `cards.${bad}.column`,
      `Card ${bad + 1} is in column "${parsed.data.cards[bad]!.column}", which the file does not list`,
    );
  return parsed.data;
}

/** A start after the due date (a file edited by hand) is left out: the card keeps its due date. */
function startDateOf(c: BoardExport['cards'][number], notes: ImportNote[]): string | null {
  if (!c.startDate || !c.dueDate || new Date(c.startDate).getTime() <= new Date(c.dueDate).getTime())
    return c.startDate;
  notes.push({
    ref: cardRef(c.title),
    note: `its start date ${c.startDate.slice(0, 10)} is after its due date ${c.dueDate.slice(0, 10)}, so it was left out`,
  });
  return null;
}

export function planBoardImport(file: BoardExport): ImportPlan {
  const notes: ImportNote[] = [];
  return finishPlan({
    columns: file.board.columns.map((c) => ({ ...c })),
    swimlanes: file.board.swimlanes.map((s) => ({ ...s })),
    replaceColumns: true,
    skipped: [],
    notes,
    cards: file.cards.map((c) => ({
      ...emptyCard(`board:${c.id}`, cardRef(c.title), c.title, c.column),
      swimlane: c.swimlane,
      rank: c.rank,
      archived: c.archivedAt !== null,
      type: c.type,
      description: c.description,
      labels: c.labels,
      ownerEmails: c.owners,
      principles: c.principles,
      estimate: c.estimate,
      startDate: startDateOf(c, notes),
      dueDate: c.dueDate,
      blocked: c.blocked,
      blockedReason: c.blockedReason,
      hypothesis: c.hypothesis,
      metric: c.metric,
      comments: c.comments.map((m) => ({ author: m.author, body: m.body, at: m.createdAt })),
      checklists: c.checklists,
      links: c.links.map((l) => ({ kind: l.kind, toSourceId: `board:${l.toCardId}` })),
    })),
  });
}
