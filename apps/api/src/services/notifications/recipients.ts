import { activityKinds } from '@amb/shared/activity';
import { mentionedIds, mentionsAsNames, type NotificationKind } from '@amb/shared/notifications';
import type { Prisma } from '../../db/prisma';
import { readableNames } from './mention-names';
import { readersOfTeam } from './readers';

/** An activity entry as the fan-out reads it, in commit order. */
export interface FanOutEntry {
  seq: bigint;
  id: bigint;
  kind: string;
  actorId: string | null;
  teamId: string | null;
  cardId: string | null;
  sprintId: string | null;
  field: string | null;
  from: unknown;
  to: unknown;
}

export interface NotificationIntent {
  userId: string;
  kind: NotificationKind;
  key: string;
  teamId: string | null;
  cardId: string | null;
  actorId: string | null;
  data: Record<string, string> | null;
}

type Tx = Prisma.TransactionClient;
const EXCERPT = 160;

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const obj = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/**
 * Who is told about each entry, and who starts watching a card because of it. Nobody is told about their own
 * action, and only people who may read the team's cards today are told or made watchers. One notification per
 * person per entry: a mention in a comment is said as the mention, not also as a comment on a watched card.
 */
export async function intentsFor(tx: Tx, entries: FanOutEntry[]) {
  const cardIds = [...new Set(entries.map((e) => e.cardId).filter((id): id is string => !!id))];
  const cards = new Map(
    (
      await tx.card.findMany({
        where: { id: { in: cardIds } },
        select: { id: true, owners: { select: { userId: true } }, watchers: { select: { userId: true } } },
      })
    ).map((c) => [c.id, { owners: c.owners.map((o) => o.userId), watchers: c.watchers.map((w) => w.userId) }]),
  );
  const teamMembers = new Map<string, string[]>();
  const membersOf = async (teamId: string) => {
    if (!teamMembers.has(teamId))
      teamMembers.set(
        teamId,
        (await tx.membership.findMany({ where: { teamId }, select: { userId: true } })).map((m) => m.userId),
      );
    return teamMembers.get(teamId)!;
  };
  let pmoStaff: string[] | null = null;
  // Excerpts name only the team's readers, as the card shows them.
  const names = async (teamId: string, text: string) =>
    mentionsAsNames(text, await readableNames(tx, teamId, mentionedIds(text)));

  const intents: NotificationIntent[] = [];
  const watches: { cardId: string; userId: string }[] = [];
  for (const e of entries) {
    if (!e.teamId) continue;
    const teamId = e.teamId;
    const told = new Map<string, { kind: NotificationKind; data: Record<string, string> | null }>();
    const tell = (userIds: Iterable<string>, kind: NotificationKind, data: Record<string, string> | null = null) => {
      for (const userId of userIds) if (!told.has(userId)) told.set(userId, { kind, data });
    };
    const watchers = new Set<string>();
    const card = e.cardId ? cards.get(e.cardId) : undefined;
    const to = obj(e.to);
    const from = obj(e.from);
    switch (e.kind) {
      case activityKinds.cardCreated:
        // Owners given at creation are told by the owners entry that follows.
        if (e.actorId) watchers.add(e.actorId);
        break;
      case activityKinds.cardUpdated:
        if (e.field === 'ownerIds') {
          const before = new Set(strings(e.from));
          const added = strings(e.to).filter((id) => !before.has(id));
          added.forEach((id) => watchers.add(id));
          tell(added, 'owner.added');
        } else if (e.field === 'description') {
          const before = new Set(mentionedIds(textOf(e.from)));
          const added = mentionedIds(textOf(e.to)).filter((id) => !before.has(id));
          added.forEach((id) => watchers.add(id));
          if (added.length)
            tell(added, 'mentioned', { where: 'description', excerpt: excerpt(await names(teamId, textOf(e.to))) });
        }
        break;
      case activityKinds.commentAdded: {
        const comment = await tx.comment.findUnique({ where: { id: textOf(to.commentId) }, select: { body: true } });
        if (!comment) break;
        const mentioned = mentionedIds(comment.body);
        const text = excerpt(await names(teamId, comment.body));
        tell(mentioned, 'mentioned', { where: 'comment', excerpt: text });
        tell(card?.watchers ?? [], 'comment.added', { excerpt: text });
        if (e.actorId) watchers.add(e.actorId);
        mentioned.forEach((id) => watchers.add(id));
        break;
      }
      case activityKinds.cardBlocked:
        tell(card?.owners ?? [], 'card.blocked', to.reason ? { note: textOf(to.reason) } : null);
        break;
      case activityKinds.cardUnblocked:
        tell(card?.owners ?? [], 'card.unblocked');
        break;
      case activityKinds.cardArchived:
        tell(card?.owners ?? [], 'card.archived');
        break;
      case activityKinds.cardMoved:
        if (to.flowCategory === 'DONE' && from.flowCategory !== 'DONE') tell(card?.owners ?? [], 'card.done');
        break;
      case activityKinds.cardEscalated:
        pmoStaff ??= (await tx.user.findMany({ where: { orgRole: 'PMO' }, select: { id: true } })).map((u) => u.id);
        tell(pmoStaff, 'obstacle.escalated', to.reason ? { note: textOf(to.reason) } : null);
        break;
      case activityKinds.cardEscalationHandling:
        tell(await membersOf(teamId), 'obstacle.handling', { note: textOf(to.note) });
        break;
      case activityKinds.sprintStarted:
      case activityKinds.sprintClosed:
      case activityKinds.retrospectiveOpened: {
        const sprint = e.sprintId
          ? await tx.sprint.findUnique({ where: { id: e.sprintId }, select: { name: true } })
          : null;
        const kind =
          e.kind === activityKinds.sprintStarted
            ? 'sprint.started'
            : e.kind === activityKinds.sprintClosed
              ? 'sprint.closed'
              : 'retrospective.opened';
        tell(await membersOf(teamId), kind, sprint ? { sprintName: sprint.name } : null);
        break;
      }
      case activityKinds.retrospectiveNoteAdded:
      case activityKinds.retrospectiveNoteEdited: {
        const before = new Set(mentionedIds(textOf(from.text)));
        const added = mentionedIds(textOf(to.text)).filter((id) => !before.has(id));
        if (added.length)
          tell(added, 'mentioned', { where: 'retrospective', excerpt: excerpt(await names(teamId, textOf(to.text))) });
        break;
      }
      case activityKinds.approvalRequested: {
        const request = await tx.approvalRequest.findUnique({
          where: { id: textOf(to.approvalId) },
          select: { note: true, attachment: { select: { name: true } } },
        });
        tell(strings(to.approverIds), 'approval.requested', {
          ...(request?.attachment ? { fileName: request.attachment.name } : {}),
          ...(request?.note ? { note: excerpt(request.note) } : {}),
        });
        break;
      }
      case activityKinds.approvalDecided: {
        const request = await tx.approvalRequest.findUnique({
          where: { id: textOf(to.approvalId) },
          select: { requestedById: true },
        });
        const decision = to.decision === 'CHANGES_REQUESTED' ? 'CHANGES_REQUESTED' : 'APPROVED';
        const comment = textOf(to.comment);
        if (request?.requestedById)
          tell([request.requestedById], 'approval.decided', {
            decision,
            ...(comment ? { excerpt: excerpt(comment) } : {}),
          });
        break;
      }
      case activityKinds.invitationAccepted: {
        const invitation = await tx.invitation.findUnique({
          where: { id: textOf(to.invitationId) },
          select: { invitedById: true },
        });
        const person = await tx.user.findUnique({ where: { id: textOf(to.userId) }, select: { name: true } });
        if (invitation?.invitedById)
          tell([invitation.invitedById], 'invitation.accepted', person ? { personName: person.name } : null);
        break;
      }
    }
    if (!told.size && !watchers.size) continue;
    const readers = await readersOfTeam(tx, teamId, [...told.keys(), ...watchers]);
    for (const [userId, { kind, data }] of told) {
      if (userId === e.actorId || !readers.has(userId)) continue;
      intents.push({ userId, kind, key: `a:${e.id}`, teamId, cardId: e.cardId, actorId: e.actorId, data });
    }
    for (const userId of watchers) {
      if (!e.cardId || !card || !readers.has(userId)) continue;
      watches.push({ cardId: e.cardId, userId });
      // Later entries of the same batch see them watching already.
      if (!card.watchers.includes(userId)) card.watchers.push(userId);
    }
  }
  return { intents, watches };
}
