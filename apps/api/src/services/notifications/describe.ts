import { notificationDataSchema, type NotificationKind } from '@amb/shared/notifications';

/** What a notification says, with the actor's current name; the card's title is shown beside it. */
export function describeNotification(kind: NotificationKind, actorName: string | null, rawData: unknown): string {
  const data = notificationDataSchema.safeParse(rawData).data ?? {};
  const who = actorName ?? 'Someone';
  const note = data.note ? `: “${data.note}”` : '';
  const sprint = data.sprintName ? ` ${data.sprintName}` : '';
  const quoted = data.excerpt ? `: “${data.excerpt}”` : '';
  switch (kind) {
    case 'mentioned':
      return data.where === 'description'
        ? `${who} mentioned you in the description`
        : data.where === 'retrospective'
          ? `${who} mentioned you in a retrospective note${quoted}`
          : `${who} mentioned you in a comment${quoted}`;
    case 'comment.added':
      return `${who} commented${quoted}`;
    case 'owner.added':
      return `${who} made you an owner`;
    case 'card.blocked':
      return `${who} blocked it${note}`;
    case 'card.unblocked':
      return `${who} unblocked it`;
    case 'card.done':
      return `${who} moved it to done`;
    case 'card.archived':
      return `${who} archived it`;
    case 'due.tomorrow':
      return 'It is due tomorrow';
    case 'due.today':
      return 'It is due today';
    case 'due.passed':
      return `It was due${data.dueDay ? ` on ${data.dueDay}` : ''} and is not done`;
    case 'obstacle.handling':
      return `${who} at the PMO is handling the obstacle${note}`;
    case 'obstacle.escalated':
      return `${who} escalated an obstacle to the PMO${note}`;
    case 'sprint.started':
      return `${who} started the sprint${sprint}`;
    case 'sprint.closed':
      return `${who} closed the sprint${sprint}`;
    case 'retrospective.opened':
      return `${who} opened the retrospective of${sprint || ' the sprint'}`;
    case 'approval.requested':
      return `${who} asks you to approve ${data.fileName ? `“${data.fileName}”` : 'the card'}${note}`;
    case 'approval.decided':
      return `${who} ${data.decision === 'CHANGES_REQUESTED' ? 'asked for changes' : 'approved'}${quoted}`;
    case 'invitation.accepted':
      return `${data.personName ?? who} accepted your invitation`;
    case 'import.finished':
      return 'Your import is finished';
    case 'import.failed':
      return `Your import failed${note}`;
  }
}

/** Where the web app opens a notification. */
export function notificationLink(kind: NotificationKind, teamId: string | null, cardId: string | null): string | null {
  if (!teamId) return null;
  if (cardId) return `/teams/${teamId}/board/cards/${cardId}`;
  if (kind.startsWith('sprint.') || kind === 'retrospective.opened') return `/teams/${teamId}/sprint`;
  return `/teams/${teamId}/board`;
}
