import type { PmoHandling, PmoState } from '@amb/shared/obstacles';

/** The card fields the PMO's handling is read from. */
export const pmoHandlingSelect = {
  escalatedAt: true,
  pmoState: true,
  pmoNote: true,
  pmoStateAt: true,
  pmoHandler: { select: { id: true, name: true } },
} as const;

interface PmoFields {
  escalatedAt: Date | null;
  pmoState: string | null;
  pmoNote: string | null;
  pmoStateAt: Date | null;
  pmoHandler: { id: string; name: string } | null;
}

/** The PMO's handling as the team sees it; null when the card is not escalated. */
export function toPmoHandling(card: PmoFields): PmoHandling | null {
  if (!card.escalatedAt) return null;
  return {
    state: (card.pmoState as PmoState | null) ?? 'escalated',
    handler: card.pmoHandler,
    note: card.pmoNote,
    at: card.pmoStateAt?.toISOString() ?? null,
  };
}

/** What resets the PMO's handling: the card left the obstacle list (unblocked, or taken off by the team). */
export const noPmoHandling = { pmoState: null, pmoHandlerId: null, pmoNote: null, pmoStateAt: null } as const;
