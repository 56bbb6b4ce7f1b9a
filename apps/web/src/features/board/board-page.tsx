import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Outlet, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { DndContext, DragOverlay } from '@dnd-kit/core';
import { principleShortName } from '@amb/domain/principles';
import { useAuthStore } from '../../app/auth-store';
import type { BoardOutletContext } from '../../app/board-outlet';
import { useActivePrinciples } from '../../app/principles';
import { useCampaignList } from '../../app/campaigns';
import { CampaignMarksProvider } from './campaign-mark';
import { useTeamAbility } from '../../app/team-access';
import { useTeam } from '../../app/teams';
import { BoardColumn } from './board-column';
import { activeFilterCount, matchesFilters, readFilters, writeFilters, type BoardFilters } from './board-filters';
import { boardLanes, useLaneChoice } from './board-lanes';
import { createBoardLayouter } from './board-layout';
import { useBoardStore } from './board-store';
import { BoardToolbar, VIEWER_REASON } from './board-toolbar';
import { flowOf } from './drag-rules';
import { boardQuery, useActiveSprint, useCachedBoard } from './api';
import { FilterBar } from './filter-bar';
import { DroppedFiles } from './dropped-files';
import { NoticeText } from './notice-text';
import { PeopleWipProvider, usePeopleWip } from './people-wip';
import { useBoardDrag } from './use-board-drag';
import { useBoardEvents } from './use-board-events';
import { useUndoShortcut } from './use-undo-shortcut';

// The board page puts the parts together: the toolbar (board-toolbar.tsx), the filters, the people's WIP and the
// notices, then the grid of columns (board-column.tsx) and swimlanes (board-lanes.ts) inside the drag context
// (use-board-drag.ts, with what a screen reader hears in drag-announcements.ts).

// The people's WIP chips are not needed for the board's first paint: they load beside it.
const PeopleWipBar = lazy(async () => ({ default: (await import('./people-wip-bar')).PeopleWipBar }));
import './board.css';

export function BoardPage() {
  const { teamId } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { team, loaded: teamsLoaded } = useTeam(teamId);
  const may = useTeamAbility(teamId);
  const boardId = team?.boards[0]?.id;
  const board = useQuery({ ...boardQuery(boardId ?? ''), enabled: Boolean(boardId) });
  const view = useCachedBoard(boardId);
  const notice = useBoardStore((s) => s.notice);
  const pending = useBoardStore((s) => s.pending);
  const { open: openBoard, undo, say } = useBoardStore.getState();
  const principles = useActivePrinciples();
  const campaigns = useCampaignList();
  const campaignLooks = useMemo(
    () => new Map(campaigns.map((c) => [c.id, { name: c.name, colour: c.colour }])),
    [campaigns],
  );
  const drag = useBoardDrag(view);
  const [laneChoice, setLaneChoice] = useLaneChoice(boardId);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filters = readFilters(params);
  const activeSprint = useActiveSprint(teamId);
  const activeSprintId = activeSprint?.id ?? null;
  const filterKey = JSON.stringify(filters);
  // One pass over the cards per change (not one per cell), keeping unchanged cells' arrays so they do not re-render.
  const [layOut] = useState(createBoardLayouter);
  const allCards = view?.cards;
  // The layout is recomputed only when the cards or the filters change: this memo is what keeps a drop cheap on a
  // 5,000-card board, so it stays even where the compiler would rather not keep it.
  /* eslint-disable react-hooks/preserve-manual-memoization */
  const layout = useMemo(() => {
    const f = JSON.parse(filterKey) as BoardFilters;
    return layOut(allCards ?? [], (c) => matchesFilters(c, f, undefined, activeSprintId));
  }, [allCards, filterKey, layOut, activeSprintId]);
  /* eslint-enable react-hooks/preserve-manual-memoization */

  useEffect(() => {
    if (boardId) openBoard(boardId);
  }, [boardId, openBoard]);
  useBoardEvents(boardId, Boolean(view));
  const meId = useAuthStore((st) => st.me?.user.id);
  const peopleWip = usePeopleWip(boardId ?? '', view?.lastActivityId);
  const peopleWipById = useMemo(
    () => new Map((peopleWip.data?.people ?? []).map((p) => [p.userId, p])),
    [peopleWip.data],
  );
  useUndoShortcut(undo);
  useFileDropGuard();
  const peopleNames = useMemo(() => new Map((view?.people ?? []).map((p) => [p.id, p.name])), [view?.people]);
  const principleNames = useMemo(
    () => new Map(principles.map((p) => [p.id, { short: principleShortName(p.name), full: p.name }])),
    [principles],
  );
  const open = useCallback(
    (cardId: string) => navigate({ pathname: `cards/${cardId}`, search: params.toString() }),
    [navigate, params],
  );

  if (teamsLoaded && !team) return <p role="alert">This team does not exist or you cannot see it.</p>;
  if (!boardId && teamsLoaded) return <div className="empty-state">This team has no board yet.</div>;
  if (board.isError && !view) {
    return (
      <div role="alert" className="empty-state">
        <p>The board could not be loaded: {board.error.message}</p>
        <button type="button" onClick={() => void board.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!view)
    return (
      <p className="page-loading" role="status">
        Loading board…
      </p>
    );

  const canManage = may('manage-board');
  const canWork = may('work');
  const readOnlyReason = canWork ? null : VIEWER_REASON;
  const flow = flowOf(view);
  const lanes = boardLanes(view);
  // A notice about a place the board no longer shows (a column removed meanwhile) falls back to the top.
  const placedNotice = Boolean(
    notice?.at &&
    view.columns.some((c) => c.id === notice.at!.columnId) &&
    lanes.some((l) => l.id === notice.at!.swimlaneId),
  );
  const { active, overRefusal } = drag;
  const filterCount = activeFilterCount(filters);

  return (
    <section className="board-page" aria-label={view.board.name}>
      <BoardToolbar
        name={view.board.name}
        boardId={view.board.id}
        teamId={teamId}
        search={params.toString()}
        principles={principles}
        canWork={canWork}
        canManage={canManage}
        filterCount={filterCount}
        filtersOpen={filtersOpen}
        onToggleFilters={() => setFiltersOpen(!filtersOpen)}
      />
      <div className={`filters-panel${filtersOpen ? ' open' : ''}`}>
        <FilterBar
          id="board-filters"
          view={view}
          principles={principles}
          campaigns={campaigns}
          filters={filters}
          onChange={(f) => setParams(writeFilters(params, f), { replace: true })}
          shown={layout.shown}
          activeSprintName={activeSprint?.name ?? null}
        />
      </div>
      {/* People's work in progress and the board's notices share one row of fixed height, so neither arriving moves the cards. */}
      <div className="board-status">
        <Suspense fallback={<div className="people-wip" />}>
          <PeopleWipBar
            boardId={view.board.id}
            people={peopleWip.data?.people ?? []}
            meId={meId}
            canManage={canManage}
          />
        </Suspense>
        <div className="board-notice" role={notice?.tone === 'error' && !placedNotice ? 'alert' : 'status'}>
          {notice && !placedNotice && <NoticeText notice={notice} onDismiss={() => say(null)} />}
        </div>
      </div>
      <CampaignMarksProvider value={campaignLooks}>
        <PeopleWipProvider value={peopleWipById}>
          <DndContext {...drag.context}>
            <div
              className={`board-grid${view.swimlanes.length ? ' with-lanes' : ''}`}
              style={{ '--columns': view.columns.length } as React.CSSProperties}
            >
              {view.columns.map((column, columnIndex) => (
                <BoardColumn
                  key={column.id}
                  view={view}
                  column={column}
                  columnIndex={columnIndex}
                  lanes={lanes}
                  layout={layout}
                  flow={flow}
                  active={active}
                  refusalAt={drag.refusalAt}
                  canWork={canWork}
                  readOnlyReason={readOnlyReason}
                  laneChoice={laneChoice}
                  onLaneChoice={setLaneChoice}
                  peopleNames={peopleNames}
                  principleNames={principleNames}
                  pending={pending}
                  notice={notice}
                  placedNotice={placedNotice}
                  onOpen={open}
                />
              ))}
            </div>
            {/* No drop animation: the card is already in its new place (optimistic), and a second drag can start at once. */}
            <DragOverlay dropAnimation={null}>
              {active ? (
                <div className={`board-card overlay${overRefusal ? ' refused' : ''}`}>
                  {overRefusal && (
                    <p className="overlay-refusal" aria-hidden="true">
                      {overRefusal.tag}: {overRefusal.message}
                    </p>
                  )}
                  {active.title}
                </div>
              ) : null}
            </DragOverlay>
          </DndContext>
        </PeopleWipProvider>
      </CampaignMarksProvider>
      <DroppedFiles />
      <Outlet context={{ columns: view.columns, swimlanes: view.swimlanes } satisfies BoardOutletContext} />
    </section>
  );
}

/**
 * A file dropped anywhere but on a card (or the card panel's files) is not opened by the browser in place of the
 * board: outside a drop target the pointer shows that nothing will happen.
 */
function useFileDropGuard() {
  useEffect(() => {
    const refuse = (e: DragEvent) => {
      if (e.defaultPrevented || !e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', refuse);
    window.addEventListener('drop', refuse);
    return () => {
      window.removeEventListener('dragover', refuse);
      window.removeEventListener('drop', refuse);
    };
  }, []);
}
