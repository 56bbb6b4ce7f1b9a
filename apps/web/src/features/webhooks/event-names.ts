import type { webhookEvents } from '@amb/shared/webhooks';

/** What each event kind means, in the words of the board. */
export const eventNames: Record<(typeof webhookEvents)[number], string> = {
  'card.created': 'A card is created',
  'card.moved': 'A card moves to another column or swimlane',
  'card.blocked': 'A card is blocked',
  'card.done': 'A card reaches a done column',
  'sprint.started': 'A sprint starts',
  'sprint.closed': 'A sprint is closed',
  'wip.breach.started': 'A WIP limit is exceeded',
  'attachment.added': 'A file (or a new version of one) is attached to a card',
  'approval.decided': 'Someone approves a card or a file, or asks for changes',
};

export const eventName = (event: string) => eventNames[event as keyof typeof eventNames] ?? event;
