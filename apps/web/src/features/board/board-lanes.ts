// The board's rows: its swimlanes plus the row of cards in none, and which of them a person has folded.
import { useState } from 'react';
import type { BoardView } from '@amb/shared/boards';

/** The key of the row of cards in no swimlane (and of the only row on a board without swimlanes). */
export const NO_LANE = 'none';

export interface Lane {
  key: string;
  id: string | null;
  name: string;
  wipLimit: number | null;
}

/** The rows the grid shows: each swimlane, then "No swimlane"; one unnamed row when the board has none. */
export function boardLanes(view: BoardView): Lane[] {
  return view.swimlanes.length
    ? [
        ...view.swimlanes.map((s) => ({ key: s.id, id: s.id as string | null, name: s.name, wipLimit: s.wipLimit })),
        { key: NO_LANE, id: null, name: 'No swimlane', wipLimit: null },
      ]
    : [{ key: NO_LANE, id: null, name: '', wipLimit: null }];
}

/** Which swimlanes a person opened (true) or folded (false) on a board, kept in this browser. */
export function useLaneChoice(boardId: string | undefined) {
  const key = `board-lanes:${boardId}`;
  const [choice, setChoice] = useState<{ key: string; lanes: Record<string, boolean> }>(() => ({
    key,
    lanes: readLaneChoice(key),
  }));
  const lanes = choice.key === key ? choice.lanes : readLaneChoice(key);
  const update = (next: Record<string, boolean>) => {
    setChoice({ key, lanes: next });
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      /* private mode or full storage: the choice lasts until the page closes */
    }
  };
  return [lanes, update] as const;
}

function readLaneChoice(key: string): Record<string, boolean> {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? '{}') as unknown;
    return stored && typeof stored === 'object' ? (stored as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}
