import { useState } from 'react';
import { Link } from 'react-router';
import type { Principle } from '@amb/shared/principles';
import { READ_ONLY_REASON_ID } from './board-card';
import { BoardLegend } from './board-legend';
import { useBoardStore } from './board-store';
import { ExportLinks } from './export-links';

export const VIEWER_REASON = 'You can read this board but not move or change cards: your role on this team is viewer.';

interface BoardToolbarProps {
  name: string;
  boardId: string;
  teamId: string | undefined;
  /** The page's query string, kept by the links to the board's dialogs. */
  search: string;
  principles: Principle[];
  canWork: boolean;
  canManage: boolean;
  filterCount: number;
  filtersOpen: boolean;
  onToggleFilters: () => void;
}

/** The board's title row: view-only badge, filters, undo, and the other actions (behind More on a phone). */
export function BoardToolbar({
  name,
  boardId,
  teamId,
  search,
  principles,
  canWork,
  canManage,
  filterCount,
  filtersOpen,
  onToggleFilters,
}: BoardToolbarProps) {
  const lastMove = useBoardStore((s) => s.lastMove);
  const { undo } = useBoardStore.getState();
  const [moreOpen, setMoreOpen] = useState(false);
  return (
    <div className="board-toolbar">
      <h1>{name}</h1>
      {!canWork && (
        <span className="read-only-badge" title={VIEWER_REASON}>
          View only
          <span id={READ_ONLY_REASON_ID} hidden>
            {VIEWER_REASON}
          </span>
        </span>
      )}
      <button
        type="button"
        className="filters-toggle"
        aria-expanded={filtersOpen}
        aria-controls="board-filters"
        onClick={onToggleFilters}
      >
        Filters{filterCount ? ` (${filterCount})` : ''}
      </button>
      {canWork && (
        <button
          type="button"
          className="undo-move"
          onClick={() => void undo()}
          disabled={!lastMove}
          title={lastMove ? `Undo move of “${lastMove.title}” (Ctrl+Z)` : 'Undo the last move (Ctrl+Z)'}
        >
          {lastMove ? `Undo move of “${lastMove.title}”` : 'Undo'}
        </button>
      )}
      {/* On a phone the board's other actions wait behind one button, so the toolbar is one row and the cards rise. */}
      <button
        type="button"
        className="more-toggle"
        aria-expanded={moreOpen}
        aria-controls="board-more"
        onClick={() => setMoreOpen(!moreOpen)}
      >
        More
      </button>
      <div id="board-more" className={`board-more${moreOpen ? ' open' : ''}`}>
        <Link to={{ pathname: 'archived', search }} className="button-link">
          Archived cards
        </Link>
        <ExportLinks boardId={boardId} />
        {canManage && (
          <Link to={{ pathname: 'columns', search }} className="button-link">
            Columns
          </Link>
        )}
        <BoardLegend principles={principles} />
        {canManage && (
          <Link to={`/teams/${teamId}/import`} className="button-link">
            Import
          </Link>
        )}
        {canManage && (
          <Link to={`/teams/${teamId}/webhooks`} className="button-link">
            Webhooks
          </Link>
        )}
      </div>
    </div>
  );
}
