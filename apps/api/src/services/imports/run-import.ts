import { rankAfter } from '@amb/domain/ranks';
import { activityKinds } from '@amb/shared/activity';
import type { ImportNote, ImportPlan, ImportSkip, PlannedCard } from '@amb/shared/imports';
import type { FastifyBaseLogger } from 'fastify';
import { Prisma, type Db } from '../../db/prisma';
import { lockPersonLimits } from '../cards/placement/person-limits';
import { recordActivity, type ActivityEntry } from '../activity/record-activity';
import { flowTimes } from '@amb/domain/flow-times';
import { failImport, ImportStopped, renewLease } from './fail-import';

// The background half of an import: a job is claimed with SKIP LOCKED (so two API processes never run one job
// twice), its columns made, then its cards written a batch per transaction with their history, progress saved
// after each. Cards already imported from the same source are skipped, so a job can run again safely. Each
// transaction renews the job's lease; a job that fails, or whose process stops, has its cards taken back
// (fail-import.ts).

const BATCH = 100;
/** A batch is background work: on a busy machine it may take longer than a request's transaction would (well within the lease). */
const BATCH_TRANSACTION = { timeout: 60_000, maxWait: 60_000 };
type Tx = Prisma.TransactionClient;

export interface ImportHooks {
  /** Called after each batch has committed (tests stop a job there, as a process that dies would). */
  afterBatch?: (jobId: string) => Promise<void>;
  /** Where what went wrong is written in full, under the job's request id; people see plain words and that id. */
  log?: FastifyBaseLogger;
}

/**
 * Claims the oldest queued import of a team that has none running, so that one team's long import never holds up
 * another team's: each team's imports run one after the other, different teams' side by side. Null when none waits.
 */
export async function claimNextImport(db: Db): Promise<string | null> {
  const [job] = await db.$queryRaw<{ id: string }[]>`
    UPDATE import_jobs SET status = 'RUNNING', heartbeat_at = now()
    WHERE id = (
      SELECT id FROM import_jobs
      WHERE status = 'QUEUED' AND team_id NOT IN (SELECT team_id FROM import_jobs WHERE status = 'RUNNING')
      ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING id`;
  return job?.id ?? null;
}

/** Runs a claimed import; one that fails is taken back with a message in plain words (its cause goes to the log). */
export async function runClaimedImport(db: Db, jobId: string, hooks: ImportHooks = {}): Promise<void> {
  try {
    await runImport(db, jobId, hooks);
  } catch (error) {
    // Given up by another process (its lease had run out): that process took the cards back already.
    if (error instanceof ImportStopped) return;
    const { requestId } = await db.importJob.findUniqueOrThrow({ where: { id: jobId }, select: { requestId: true } });
    hooks.log?.error({ err: error, importId: jobId, reqId: requestId }, 'An import failed');
    await failImport(db, jobId, `The import stopped because of an unexpected error${reference(requestId)}.`);
    throw error;
  }
}

/** Claims the oldest waiting import and runs it; false when none is waiting. */
export async function runNextImport(db: Db, hooks: ImportHooks = {}): Promise<boolean> {
  const jobId = await claimNextImport(db);
  if (!jobId) return false;
  await runClaimedImport(db, jobId, hooks);
  return true;
}

const reference = (requestId: string | null) => (requestId ? ` (reference ${requestId})` : '');

/** Imports serialise per board: ranks at the end of a column and source ids are read and written one import at a time. */
const lockBoard = (tx: Tx, boardId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:${boardId}`}))`;

/** A job's cards from `start` (0-based), `count` of them, read from its stored plan: a batch parses only its own cards. */
function readCards(db: Db | Tx, jobId: string, start: number, count: number) {
  return db.$queryRaw<{ card: PlannedCard }[]>`
    SELECT c.value AS card FROM import_jobs j CROSS JOIN LATERAL jsonb_array_elements(j.plan->'cards') WITH ORDINALITY AS c(value, n)
    WHERE j.id = ${jobId} AND c.n > ${start} AND c.n <= ${start + count} ORDER BY c.n`;
}

async function runImport(db: Db, jobId: string, hooks: ImportHooks) {
  const job = await db.importJob.findUniqueOrThrow({
    where: { id: jobId },
    omit: { plan: true, skipped: true, notes: true },
  });
  // The plan without its cards (columns, swimlanes), and how many cards: a 10,000-card plan is never parsed whole.
  const [meta] = await db.$queryRaw<{ layout: Omit<ImportPlan, 'cards'>; count: number }[]>`
    SELECT plan - 'cards' AS layout, jsonb_array_length(plan->'cards')::int AS count FROM import_jobs WHERE id = ${jobId}`;
  const plan = meta!.layout;
  const subject = { actorId: job.createdById, teamId: job.teamId, boardId: job.boardId };
  await db.$transaction(async (tx) => {
    await renewLease(tx, jobId);
    await prepareLayout(tx, job.boardId, plan, subject, jobId);
  }, BATCH_TRANSACTION);
  const people = await lookUpPeople(db, jobId, job.teamId);
  const importer = job.createdById
    ? await db.user.findUnique({ where: { id: job.createdById }, select: { email: true } })
    : null;
  const principles = new Map(
    (await db.principle.findMany({ where: { archivedAt: null }, select: { id: true, name: true } })).map((p) => [
      p.name.toLowerCase(),
      p.id,
    ]),
  );

  for (let start = 0; start < meta!.count; start += BATCH) {
    const batch = (await readCards(db, jobId, start, BATCH)).map((r) => r.card);
    await db.$transaction(async (tx) => {
      await renewLease(tx, jobId);
      await lockBoard(tx, job.boardId);
      const skipped: ImportSkip[] = [];
      const notes: ImportNote[] = [];
      let created = 0;
      const layout = await readLayout(tx, job.boardId);
      const existing = new Set(
        (
          await tx.card.findMany({
            where: { boardId: job.boardId, sourceId: { in: batch.map((c) => c.sourceId) } },
            select: { sourceId: true },
          })
        ).map((c) => c.sourceId),
      );
      for (const card of batch) {
        if (existing.has(card.sourceId)) {
          skipped.push({ ref: card.ref, reason: 'already imported from this source' });
          continue;
        }
        // One card that cannot be written never sinks the others: it is rolled back alone and reported.
        await tx.$executeRaw`SAVEPOINT import_card`;
        try {
          const o = {
            card,
            layout,
            people,
            principles,
            boardId: job.boardId,
            jobId,
            subject,
            importerEmail: importer?.email ?? null,
          };
          notes.push(...(await writeCard(tx, o)));
          created++;
        } catch (error) {
          await tx.$executeRaw`ROLLBACK TO SAVEPOINT import_card`;
          hooks.log?.error(
            { err: error, importId: jobId, reqId: job.requestId, sourceId: card.sourceId },
            'An imported card could not be written',
          );
          skipped.push({
            ref: card.ref,
            reason: `it could not be saved because of an unexpected error${reference(job.requestId)}`,
          });
        }
      }
      // Appended in the database: the report's lists are never read back and written whole per batch.
      await tx.$executeRaw`
        UPDATE import_jobs SET processed = processed + ${batch.length}, created = created + ${created},
          skipped = skipped || ${JSON.stringify(skipped)}::jsonb, notes = notes || ${JSON.stringify(notes)}::jsonb
        WHERE id = ${jobId}`;
    }, BATCH_TRANSACTION);
    await hooks.afterBatch?.(jobId);
  }
  await db.$transaction(async (tx) => {
    await renewLease(tx, jobId);
    await lockBoard(tx, job.boardId);
    await writeLinks(tx, job.boardId, jobId, subject);
    await tx.importJob.update({ where: { id: jobId }, data: { status: 'DONE', finishedAt: new Date() } });
  }, BATCH_TRANSACTION);
}

interface Layout {
  columns: Map<string, { id: string; flowCategory: 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE'; last: string | null }>;
  swimlanes: Map<string, string>;
}

async function readLayout(tx: Tx, boardId: string): Promise<Layout> {
  const columns = await tx.$queryRaw<
    { id: string; name: string; flow_category: 'BACKLOG' | 'TODO' | 'IN_PROGRESS' | 'DONE'; last: string | null }[]
  >`
    SELECT k.id, k.name, k.flow_category::text AS flow_category, (SELECT max(c.rank COLLATE "C") FROM cards c WHERE c.column_id = k.id) AS last
    FROM columns k WHERE k.board_id = ${boardId} ORDER BY k.position`;
  const lanes = await tx.swimlane.findMany({ where: { boardId }, select: { id: true, name: true } });
  return {
    columns: new Map(
      columns.map((c) => [c.name.toLowerCase(), { id: c.id, flowCategory: c.flow_category, last: c.last }]),
    ),
    swimlanes: new Map(lanes.map((l) => [l.name.toLowerCase(), l.id])),
  };
}

/** Columns (and swimlanes) the file names that the board lacks are added; a board export into an empty board sets them exactly. */
async function prepareLayout(
  tx: Tx,
  boardId: string,
  plan: Omit<ImportPlan, 'cards'>,
  subject: { actorId: string | null; teamId: string; boardId: string },
  importJobId: string,
) {
  await lockBoard(tx, boardId);
  const columns = await tx.column.findMany({ where: { boardId }, orderBy: { position: 'asc' } });
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  let position = Math.max(-1, ...columns.map((c) => c.position));
  const entries: ActivityEntry[] = [];
  for (const [i, planned] of plan.columns.entries()) {
    const found = byName.get(planned.name.toLowerCase());
    if (found) {
      if (plan.replaceColumns) {
        const data = {
          position: planned.position ?? i,
          flowCategory: planned.flowCategory,
          wipLimit: planned.wipLimit ?? null,
          wipPolicy: planned.wipPolicy ?? 'SOFT',
        };
        await tx.column.update({ where: { id: found.id }, data });
      }
      continue;
    }
    const data = {
      boardId,
      name: planned.name,
      position: plan.replaceColumns ? (planned.position ?? i) : ++position,
      flowCategory: planned.flowCategory,
      wipLimit: planned.wipLimit ?? null,
      wipPolicy: planned.wipPolicy ?? 'SOFT',
      importJobId,
    };
    const column = await tx.column.create({ data });
    entries.push({
      ...subject,
      kind: activityKinds.columnCreated,
      to: {
        columnId: column.id,
        name: column.name,
        position: column.position,
        flowCategory: column.flowCategory,
        wipLimit: column.wipLimit,
        wipPolicy: column.wipPolicy,
      },
    });
  }
  if (plan.replaceColumns) {
    const keep = new Set(plan.columns.map((c) => c.name.toLowerCase()));
    for (const c of columns) {
      if (keep.has(c.name.toLowerCase()) || (await tx.card.count({ where: { columnId: c.id } }))) continue;
      await tx.column.delete({ where: { id: c.id } });
      entries.push({ ...subject, kind: activityKinds.columnDeleted, from: { columnId: c.id, name: c.name } });
    }
  }
  const lanes = new Set(
    (await tx.swimlane.findMany({ where: { boardId }, select: { name: true } })).map((l) => l.name.toLowerCase()),
  );
  for (const lane of plan.swimlanes) {
    if (lanes.has(lane.name.toLowerCase())) continue;
    const created = await tx.swimlane.create({ data: { boardId, ...lane, importJobId } });
    entries.push({
      ...subject,
      kind: activityKinds.swimlaneCreated,
      to: {
        swimlaneId: created.id,
        name: created.name,
        position: created.position,
        wipLimit: created.wipLimit,
        wipPolicy: created.wipPolicy,
      },
    });
  }
  await recordActivity(tx, ...entries);
}

/** The people the file names as owners who are on the team (only they may own its cards, as in POST /api/cards). */
async function lookUpPeople(db: Db, jobId: string, teamId: string) {
  const users = await db.$queryRaw<{ id: string; email: string }[]>`
    SELECT u.id, lower(u.email) AS email FROM users u JOIN memberships m ON m.user_id = u.id AND m.team_id = ${teamId}
    WHERE lower(u.email) IN (
      SELECT lower(e.value) FROM import_jobs j CROSS JOIN LATERAL jsonb_array_elements(j.plan->'cards') c
      CROSS JOIN LATERAL jsonb_array_elements_text(c.value->'ownerEmails') e WHERE j.id = ${jobId})`;
  return new Map(users.map((u) => [u.email, u.id]));
}

/**
 * Writes one card with what hangs off it and its history; returns what it did differently from the file. An archived
 * card is written open, then archived: an archived card is read-only, its checklists and comments included.
 */
async function writeCard(
  tx: Tx,
  o: {
    card: PlannedCard;
    layout: Layout;
    people: Map<string, string>;
    principles: Map<string, string>;
    boardId: string;
    jobId: string;
    subject: { actorId: string | null; teamId: string; boardId: string };
    importerEmail: string | null;
  },
): Promise<ImportNote[]> {
  const { card, layout } = o;
  const column = layout.columns.get(card.column.toLowerCase()) ?? [...layout.columns.values()][0]!;
  const swimlaneId = card.swimlane ? (layout.swimlanes.get(card.swimlane.toLowerCase()) ?? null) : null;
  const taken =
    card.rank !== undefined && (await tx.card.count({ where: { columnId: column.id, rank: card.rank } })) > 0;
  const rank = card.rank !== undefined && !taken ? card.rank : rankAfter(column.last);

  const notes: ImportNote[] = [];
  const notOnTeam = card.ownerEmails.filter((e) => !o.people.has(e.toLowerCase()));
  if (notOnTeam.length)
    notes.push({
      ref: card.ref,
      note: `not made owners, as they are not on the team (kept as text in the description): ${notOnTeam.join(', ')}`,
    });
  let ownerIds = [
    ...new Set(card.ownerEmails.map((e) => o.people.get(e.toLowerCase())).filter((id): id is string => Boolean(id))),
  ];
  // A card that starts in progress counts against its owners' limits: a hard limit it would break leaves that owner out.
  const overLimit =
    !card.archived && column.flowCategory === 'IN_PROGRESS'
      ? (await lockPersonLimits(tx, ownerIds, '')).filter((p) => p.wip_policy === 'HARD' && p.count + 1 > p.wip_limit)
      : [];
  if (overLimit.length) {
    const full = new Set(overLimit.map((p) => p.user_id));
    ownerIds = ownerIds.filter((id) => !full.has(id));
    const named = overLimit.map((p) => `${p.name} (at their hard WIP limit of ${p.wip_limit})`).join(', ');
    notes.push({
      ref: card.ref,
      note: `not made owners, as the card is in progress and they would go over their limit (kept as text in the description): ${named}`,
    });
  }
  const unknownOwners = [...notOnTeam, ...card.ownerNames];
  const principleIds = [
    ...new Set(card.principles.map((p) => o.principles.get(p.toLowerCase())).filter((id): id is string => Boolean(id))),
  ];
  const unknownPrinciples = card.principles.filter((p) => !o.principles.has(p.toLowerCase()));
  const description = [
    card.description,
    unknownOwners.length ? `Owners in the imported file: ${unknownOwners.join(', ')}` : '',
    overLimit.length
      ? `Owners in the imported file, left out at their WIP limit: ${overLimit.map((p) => p.name).join(', ')}`
      : '',
    unknownPrinciples.length ? `Principles in the imported file: ${unknownPrinciples.join(', ')}` : '',
    card.swimlane && !swimlaneId ? `Swimlane in the imported file: ${card.swimlane}` : '',
  ].filter(Boolean);
  const now = new Date();
  const times = flowTimes({ startedAt: null, completedAt: null }, column.flowCategory, now);
  const importer = o.importerEmail?.toLowerCase();
  const created = await tx.card.create({
    data: {
      boardId: o.boardId,
      columnId: column.id,
      swimlaneId,
      sourceId: card.sourceId,
      importJobId: o.jobId,
      rank,
      type: card.type,
      title: card.title,
      description: description.join('\n\n'),
      labels: card.labels,
      estimate: card.estimate,
      startDate: card.startDate ? new Date(card.startDate) : null,
      dueDate: card.dueDate ? new Date(card.dueDate) : null,
      blocked: card.blocked,
      blockedReason: card.blocked ? card.blockedReason : null,
      blockedSince: card.blocked ? now : null,
      hypothesis: card.hypothesis,
      metric: card.metric,
      createdById: o.subject.actorId,
      startedAt: times.startedAt,
      completedAt: times.completedAt,
      owners: { create: ownerIds.map((userId) => ({ userId })) },
      principles: { create: principleIds.map((principleId) => ({ principleId })) },
      // Comments belong to the person who imported: a name in a file proves nothing about who wrote it.
      comments: {
        create: card.comments.map((m) => ({
          authorId: o.subject.actorId,
          body: m.author && m.author.toLowerCase() !== importer ? `Originally by ${m.author}: ${m.body}` : m.body,
          createdAt: m.at ? new Date(m.at) : now,
        })),
      },
      checklists: {
        create: card.checklists.map((l, i) => ({
          title: l.title,
          position: i,
          items: { create: l.items.map((it, j) => ({ text: it.text, done: it.done, position: j })) },
        })),
      },
    },
    select: { id: true },
  });
  if (card.archived)
    await tx.card.update({ where: { id: created.id }, data: { archivedAt: now }, select: { id: true } });
  // Only once the card is written: a card that fails leaves the column's last rank as it was.
  if (column.last === null || rank > column.last) column.last = rank;
  const place = { columnId: column.id, swimlaneId, flowCategory: column.flowCategory };
  const entries: ActivityEntry[] = [
    { ...o.subject, cardId: created.id, kind: activityKinds.cardCreated, to: { ...place, title: card.title } },
  ];
  if (card.archived) entries.push({ ...o.subject, cardId: created.id, kind: activityKinds.cardArchived, from: place });
  await recordActivity(tx, ...entries);
  return notes;
}

/** Links between cards of the file, once both ends exist on the board. */
async function writeLinks(
  tx: Tx,
  boardId: string,
  jobId: string,
  subject: { actorId: string | null; teamId: string; boardId: string },
) {
  const linked = (
    await tx.$queryRaw<{ card: Pick<PlannedCard, 'sourceId' | 'links'> }[]>`
      SELECT jsonb_build_object('sourceId', c.value->'sourceId', 'links', c.value->'links') AS card
      FROM import_jobs j CROSS JOIN LATERAL jsonb_array_elements(j.plan->'cards') c
      WHERE j.id = ${jobId} AND jsonb_array_length(c.value->'links') > 0`
  ).map((r) => r.card);
  if (!linked.length) return;
  const sources = [...new Set(linked.flatMap((c) => [c.sourceId, ...c.links.map((l) => l.toSourceId)]))];
  const ids = new Map(
    (
      await tx.card.findMany({ where: { boardId, sourceId: { in: sources } }, select: { id: true, sourceId: true } })
    ).map((c) => [c.sourceId!, c.id]),
  );
  const entries: ActivityEntry[] = [];
  for (const card of linked) {
    for (const link of card.links) {
      const fromCardId = ids.get(card.sourceId);
      const toCardId = ids.get(link.toSourceId);
      if (!fromCardId || !toCardId) continue;
      const exists = await tx.cardLink.findUnique({
        where: { fromCardId_toCardId_kind: { fromCardId, toCardId, kind: link.kind } },
      });
      if (exists) continue;
      const created = await tx.cardLink.create({
        data: { fromCardId, toCardId, kind: link.kind, createdById: subject.actorId },
      });
      entries.push({
        ...subject,
        cardId: fromCardId,
        kind: activityKinds.linkAdded,
        to: { linkId: created.id, linkKind: link.kind, fromCardId, toCardId },
      });
    }
  }
  await recordActivity(tx, ...entries);
}
