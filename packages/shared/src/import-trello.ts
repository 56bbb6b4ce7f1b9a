import { z } from 'zod';
import {
  cardRef,
  emptyCard,
  finishPlan,
  IMPORT_MAX_CARDS,
  ImportRefusal,
  type ImportPlan,
  type PlannedCard,
  type PlannedColumn,
} from './imports';

// A board exported from Trello (Menu → Print, export and share → Export as JSON). Lists become columns, with a
// flow category the person confirms; labels, checklists, comments, members, start and due dates, archived state and
// positions come along. Members become owners by e-mail where such a person exists; the rest stay as text.

const trelloId = z.string().min(1);
const trelloBoardSchema = z.object({
  name: z.string().default('Trello board'),
  lists: z.array(
    z.object({ id: trelloId, name: z.string(), closed: z.boolean().default(false), pos: z.number().default(0) }),
  ),
  cards: z.array(
    z.object({
      id: trelloId,
      name: z.string(),
      desc: z.string().default(''),
      idList: trelloId,
      idLabels: z.array(z.string()).default([]),
      idMembers: z.array(z.string()).default([]),
      /** Absent from older exports and cards without a start date. */
      start: z.string().nullable().default(null),
      due: z.string().nullable().default(null),
      closed: z.boolean().default(false),
      pos: z.number().default(0),
      attachments: z.array(z.object({ name: z.string().default(''), url: z.string().default('') }).loose()).default([]),
    }),
  ),
  labels: z
    .array(z.object({ id: trelloId, name: z.string().default(''), color: z.string().nullable().default(null) }))
    .default([]),
  members: z
    .array(
      z.object({
        id: trelloId,
        fullName: z.string().default(''),
        username: z.string().default(''),
        email: z.string().nullable().optional(),
      }),
    )
    .default([]),
  checklists: z
    .array(
      z.object({
        idCard: trelloId,
        name: z.string(),
        pos: z.number().default(0),
        checkItems: z
          .array(z.object({ name: z.string(), state: z.enum(['complete', 'incomplete']), pos: z.number().default(0) }))
          .default([]),
      }),
    )
    .default([]),
  actions: z
    .array(
      z
        .object({
          type: z.string(),
          date: z.string().optional(),
          data: z.object({ text: z.string().optional(), card: z.object({ id: z.string() }).optional() }).loose(),
          memberCreator: z
            .object({ fullName: z.string().optional(), username: z.string().optional() })
            .loose()
            .optional(),
        })
        .loose(),
    )
    .default([]),
});
export type TrelloBoard = z.infer<typeof trelloBoardSchema>;

/** A Trello date as an instant, or null when missing or unreadable. */
function instant(text: string | null): Date | null {
  const d = text ? new Date(text) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/** Reads and checks a Trello export; a file that is not one is refused naming the first field that is wrong. */
export function readTrelloBoard(json: unknown): TrelloBoard {
  const parsed = trelloBoardSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'file';
    throw new ImportRefusal(field, `Not a Trello board export: ${field} ${issue.message.toLowerCase()}`);
  }
  if (parsed.data.cards.length > IMPORT_MAX_CARDS)
    throw new ImportRefusal(
      'cards',
      `The board has ${parsed.data.cards.length} cards; at most ${IMPORT_MAX_CARDS} can be imported at once`,
    );
  return parsed.data;
}

type Suggest = (name: string, index: number, count: number) => PlannedColumn['flowCategory'];

/** The lists in board order with the flow category `suggest` proposes for each (suggestFlowCategory in the domain). */
export function trelloColumns(board: TrelloBoard, suggestFlowCategory: Suggest): PlannedColumn[] {
  const lists = [...board.lists].sort((a, b) => a.pos - b.pos);
  return lists.map((l, i) => ({
    name: l.name.trim() || `List ${i + 1}`,
    flowCategory: suggestFlowCategory(l.name, i, lists.length),
  }));
}

/**
 * The plan for a Trello board, with the flow categories the person confirmed (by list name). Linear in the file:
 * checklists and comments are grouped by card once, not searched for each card.
 */
export function planTrelloImport(
  board: TrelloBoard,
  suggest: Suggest,
  flowCategories: Record<string, PlannedColumn['flowCategory']> = {},
): ImportPlan {
  const columns = trelloColumns(board, suggest).map((c) => ({
    ...c,
    flowCategory: flowCategories[c.name] ?? c.flowCategory,
  }));
  const lists = new Map(
    [...board.lists].sort((a, b) => a.pos - b.pos).map((l, i) => [l.id, { name: columns[i]!.name, closed: l.closed }]),
  );
  const labels = new Map(board.labels.map((l) => [l.id, l.name.trim() || l.color || 'label']));
  const members = new Map(board.members.map((m) => [m.id, m]));
  const checklists = groupBy(board.checklists, (l) => l.idCard);
  const comments = groupBy(
    board.actions.filter((a) => a.type === 'commentCard' && a.data.card?.id && a.data.text),
    (a) => a.data.card!.id,
  );
  const cards: PlannedCard[] = [];
  const skipped: ImportPlan['skipped'] = [];
  for (const c of [...board.cards].sort((a, b) => a.pos - b.pos)) {
    const list = lists.get(c.idList);
    const title = c.name.trim();
    if (!list) {
      skipped.push({ ref: cardRef(title || c.id), reason: `its list ${c.idList} is not in the file` });
      continue;
    }
    if (!title) {
      skipped.push({ ref: `card ${c.id}`, reason: 'it has no name' });
      continue;
    }
    const due = instant(c.due);
    // Trello keeps a start before the due date; one after it is left out, as the board refuses it.
    const start = instant(c.start);
    const owners = c.idMembers.map((id) => members.get(id)).filter((m) => m !== undefined);
    cards.push({
      ...emptyCard(`trello:${c.id}`, cardRef(title), title, list.name),
      archived: c.closed || list.closed,
      description: [c.desc, attachmentLinks(c.attachments)].filter(Boolean).join('\n\n'),
      labels: [...new Set(c.idLabels.map((id) => labels.get(id)).filter((l): l is string => Boolean(l)))].map((l) =>
        l.slice(0, 40),
      ),
      ownerEmails: owners.map((m) => m.email?.toLowerCase()).filter((e): e is string => Boolean(e)),
      ownerNames: owners.filter((m) => !m.email).map((m) => m.fullName || m.username),
      startDate: start && (!due || start.getTime() <= due.getTime()) ? start.toISOString() : null,
      dueDate: due?.toISOString() ?? null,
      checklists: (checklists.get(c.id) ?? [])
        .sort((a, b) => a.pos - b.pos)
        .map((l) => ({
          title: l.name,
          items: [...l.checkItems]
            .sort((a, b) => a.pos - b.pos)
            .map((i) => ({ text: i.name, done: i.state === 'complete' })),
        })),
      comments: (comments.get(c.id) ?? [])
        .map((a) => ({
          author: a.memberCreator?.fullName ?? a.memberCreator?.username ?? null,
          body: a.data.text!,
          at: a.date ?? null,
        }))
        .reverse(),
    });
  }
  return finishPlan({ columns, swimlanes: [], replaceColumns: false, cards, skipped, notes: [] });
}

/** How many of a card's Trello attachments its description lists. */
const ATTACHMENT_LINKS_MAX = 100;

/**
 * A card's Trello attachments as links at the end of its description: Trello's files need a Trello sign-in, so they
 * cannot be fetched; the links lead people to them. Only web addresses are kept.
 */
function attachmentLinks(attachments: readonly { name: string; url: string }[]): string {
  const lines = attachments
    .filter((a) => /^https?:\/\//i.test(a.url.trim()))
    .slice(0, ATTACHMENT_LINKS_MAX)
    .map((a) => `- ${a.name.trim() || a.url.trim()}: ${a.url.trim()}`);
  return lines.length ? ['Attachments in Trello:', ...lines].join('\n') : '';
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
