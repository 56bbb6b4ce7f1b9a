import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import {
  useDroppable,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { principleShortName } from '@amb/domain/principles';
import { afterCardAtEnd, afterCardForDrop } from '@amb/domain/reorder';
import { swimlaneWipCount, wipState } from '@amb/domain/wip';
import type { BoardView, CardSummary } from '@amb/shared/boards';
import { useAuthStore } from '../../app/auth-store';
import type { BoardOutletContext } from '../../app/board-outlet';
import { useActivePrinciples } from '../../app/principles';
import { useTeamAbility } from '../../app/team-access';
import { useTeam } from '../../app/teams';
import { READ_ONLY_REASON_ID } from './board-card';
import { BoardCell } from './board-cell';
import { BoardLegend } from './board-legend';
import { activeFilterCount, matchesFilters, readFilters, writeFilters, type BoardFilters } from './board-filters';
import { cellCards, createBoardLayouter } from './board-layout';
import { columnCards, useBoardStore, type Notice, type Place } from './board-store';
import { decideDrop, flowOf } from './drag-rules';
import { boardQuery, useActiveSprint, useCachedBoard } from './api';
import { ExportLinks } from './export-links';
import { FilterBar } from './filter-bar';
import { PeopleWipProvider, usePeopleWip } from './people-wip';
import { boardKeyboardCoordinates, type DropData } from './keyboard-coordinates';
import { QuickAdd } from './quick-add';
import { useBoardEvents } from './use-board-events';

// The people's WIP chips are not needed for the board's first paint: they load beside it.
const PeopleWipBar = lazy(async () => ({ default: (await import('./people-wip-bar')).PeopleWipBar }));
import './board.css';

const NO_LANE = 'none';

/** The droppable under the pointer (or, for the keyboard, under the dragged card's centre); cards win over cells. */
const collision: CollisionDetection = (args) => {
  const rect = args.collisionRect;
  const point = args.pointerCoordinates ?? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  const hits = args.droppableContainers
    .map((container) => ({ container, rect: args.droppableRects.get(container.id) }))
    .filter(({ container, rect: r }) => r && container.id !== `card:${args.active.id}` && point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom)
    .sort((a, b) => a.rect!.width * a.rect!.height - b.rect!.width * b.rect!.height);
  if (hits.length) return hits.map(({ container, rect: r }) => ({ id: container.id, data: { droppableContainer: container, value: r!.width * r!.height } }));
  return args.pointerCoordinates ? [] : closestCenter(args);
};

/** Where a dropped card goes: after the card above the one it was dropped on, or at the end of the cell's column. */
function placeFor(view: BoardView, active: CardSummary, drop: DropData, overId: string): Place {
  const order = columnCards(view, drop.columnId).map((c) => c.id);
  if (drop.kind === 'column') return { columnId: drop.columnId, swimlaneId: drop.swimlaneId, afterCardId: null };
  const afterCardId = drop.kind === 'cell' ? afterCardAtEnd(order, active.id) : afterCardForDrop(order, active.id, overId.slice('card:'.length));
  return { columnId: drop.columnId, swimlaneId: drop.swimlaneId, afterCardId };
}

/** Which swimlanes a person opened (true) or folded (false) on a board, kept in this browser. */
function useLaneChoice(boardId: string | undefined) {
  const key = `board-lanes:${boardId}`;
  const [choice, setChoice] = useState<{ key: string; lanes: Record<string, boolean> }>(() => ({ key, lanes: readLaneChoice(key) }));
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

/** A column's header takes a drop too: the card goes to the top of the column, in its own swimlane. */
function ColumnDropZone({ columnId, columnIndex, children }: { columnId: string; columnIndex: number; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `column:${columnId}`, data: { kind: 'column', columnId, columnIndex, swimlaneId: null, laneKey: '*', index: 0 } satisfies DropData });
  return (
    <header className={`column-header${isOver ? ' over' : ''}`} ref={setNodeRef}>
      {children}
    </header>
  );
}

/** A header drop lands in the dragged card's own swimlane. */
const resolveDrop = (data: DropData | undefined | null, card: CardSummary | undefined | null): DropData | null =>
  data && card && data.kind === 'column' ? { ...data, swimlaneId: card.swimlaneId, laneKey: card.swimlaneId ?? NO_LANE } : (data ?? null);

const VIEWER_REASON = 'You can read this board but not move or change cards: your role on this team is viewer.';

function NoticeText({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <p className={`notice ${notice.tone}`}>
      {notice.text}{' '}
      <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </p>
  );
}

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
  const lastMove = useBoardStore((s) => s.lastMove);
  const pending = useBoardStore((s) => s.pending);
  const { open: openBoard, move, undo, addCard, say } = useBoardStore.getState();
  const principles = useActivePrinciples();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [overDrop, setOverDrop] = useState<DropData | null>(null);
  const [laneChoice, setLaneChoice] = useLaneChoice(boardId);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
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
  const peopleWipById = useMemo(() => new Map((peopleWip.data?.people ?? []).map((p) => [p.userId, p])), [peopleWip.data]);
  // Ctrl+Z (Cmd+Z) undoes the last move, unless the person is typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !typing) {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: boardKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );
  const peopleNames = useMemo(() => new Map((view?.people ?? []).map((p) => [p.id, p.name])), [view?.people]);
  const principleNames = useMemo(() => new Map(principles.map((p) => [p.id, { short: principleShortName(p.name), full: p.name }])), [principles]);
  const open = useCallback((cardId: string) => navigate({ pathname: `cards/${cardId}`, search: params.toString() }), [navigate, params]);

  const active = activeId && view ? (view.cards.find((c) => c.id === activeId) ?? null) : null;
  const describe = (data: DropData | undefined) => {
    if (!data || !view) return 'nowhere';
    const column = view.columns.find((c) => c.id === data.columnId)?.name ?? 'a column';
    const lane = data.swimlaneId ? `, swimlane ${view.swimlanes.find((s) => s.id === data.swimlaneId)?.name}` : '';
    if (data.kind === 'column') return `column ${column}, at the top`;
    return data.kind === 'card' ? `column ${column}${lane}, position ${data.index + 1}` : `column ${column}${lane}, at the end`;
  };
  const titleOf = (id: string | number) => view?.cards.find((c) => c.id === id)?.title ?? 'card';
  const refusalAt = (dropped: DropData | undefined | null, id: string | number) => {
    const card = view?.cards.find((c) => c.id === id);
    const data = resolveDrop(dropped, card);
    if (!data || !card || !view) return null;
    const decision = decideDrop(view, card, data.columnId, data.swimlaneId);
    return decision.allowed ? null : decision.message;
  };
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => `Picked up card ${titleOf(a.id)}. Arrow keys move it between columns and cards; Space drops it; Escape cancels.`,
    onDragOver: ({ active: a, over }) => {
      if (!over) return `Card ${titleOf(a.id)} is not over a column`;
      const refusal = refusalAt(over.data.current as DropData, a.id);
      return `Card ${titleOf(a.id)} is over ${describe(over.data.current as DropData)}${refusal ? `. Full: ${refusal}` : ''}`;
    },
    onDragEnd: ({ active: a, over }) => {
      if (!over) return `Card ${titleOf(a.id)} was put back`;
      const refusal = refusalAt(over.data.current as DropData, a.id);
      return refusal ? `Card ${titleOf(a.id)} cannot go there: ${refusal}` : `Card ${titleOf(a.id)} dropped in ${describe(over.data.current as DropData)}`;
    },
    onDragCancel: ({ active: a }) => `Moving card ${titleOf(a.id)} was cancelled; it is back where it was`,
  };

  const onDragStart = (e: DragStartEvent) => {
    setActiveId(String(e.active.id));
    setOverDrop(null);
    say(null);
  };
  const onDragOver = (e: DragOverEvent) => setOverDrop((e.over?.data.current as DropData | undefined) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setActiveId(null);
    setOverDrop(null);
    const card = view?.cards.find((c) => c.id === e.active.id);
    const data = resolveDrop(e.over?.data.current as DropData | undefined, card);
    if (!view || !card || !data || !e.over) return;
    const refusal = refusalAt(data, card.id);
    if (refusal) {
      // Said where the card was let go (the cell), not at the top of a long board.
      say({ tone: 'error', text: `“${card.title}” was not moved. ${refusal}.`, at: { columnId: data.columnId, swimlaneId: data.swimlaneId } });
      return;
    }
    void move(card.id, placeFor(view, card, data, String(e.over.id)));
  };

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
  if (!view) return <p className="page-loading" role="status">Loading board…</p>;

  const canManage = may('manage-board');
  const canWork = may('work');
  const readOnlyReason = canWork ? null : VIEWER_REASON;
  const flow = flowOf(view);
  const lanes = view.swimlanes.length ? [...view.swimlanes.map((s) => ({ key: s.id, id: s.id as string | null, name: s.name, wipLimit: s.wipLimit })), { key: NO_LANE, id: null, name: 'No swimlane', wipLimit: null }] : [{ key: NO_LANE, id: null, name: '', wipLimit: null }];
  const laneCardCount = (laneId: string | null) => layout.laneCounts.get(laneId) ?? 0;
  const noticeAt = (columnId: string, laneId: string | null) => notice?.at && notice.at.columnId === columnId && notice.at.swimlaneId === laneId;
  // A notice about a place the board no longer shows (a column removed meanwhile) falls back to the top.
  const placedNotice = notice?.at && view.columns.some((c) => c.id === notice.at!.columnId) && lanes.some((l) => l.id === notice.at!.swimlaneId);
  const overRefusal = active && overDrop ? refusalAt(overDrop, active.id) : null;
  const filterCount = activeFilterCount(filters);

  return (
    <section className="board-page" aria-label={view.board.name}>
      <div className="board-toolbar">
        <h1>{view.board.name}</h1>
        {!canWork && (
          <span className="read-only-badge" title={VIEWER_REASON}>
            View only
            <span id={READ_ONLY_REASON_ID} hidden>
              {VIEWER_REASON}
            </span>
          </span>
        )}
        <button type="button" className="filters-toggle" aria-expanded={filtersOpen} aria-controls="board-filters" onClick={() => setFiltersOpen(!filtersOpen)}>
          Filters{filterCount ? ` (${filterCount})` : ''}
        </button>
        {canWork && (
          <button type="button" className="undo-move" onClick={() => void undo()} disabled={!lastMove} title={lastMove ? `Undo move of “${lastMove.title}” (Ctrl+Z)` : 'Undo the last move (Ctrl+Z)'}>
            {lastMove ? `Undo move of “${lastMove.title}”` : 'Undo'}
          </button>
        )}
        {/* On a phone the board's other actions wait behind one button, so the toolbar is one row and the cards rise. */}
        <button type="button" className="more-toggle" aria-expanded={moreOpen} aria-controls="board-more" onClick={() => setMoreOpen(!moreOpen)}>
          More
        </button>
        <div id="board-more" className={`board-more${moreOpen ? ' open' : ''}`}>
          <Link to={{ pathname: 'archived', search: params.toString() }} className="button-link">
            Archived cards
          </Link>
          <ExportLinks boardId={view.board.id} />
          {canManage && (
            <Link to={{ pathname: 'columns', search: params.toString() }} className="button-link">
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
      <div className={`filters-panel${filtersOpen ? ' open' : ''}`}>
        <FilterBar id="board-filters" view={view} principles={principles} filters={filters} onChange={(f) => setParams(writeFilters(params, f), { replace: true })} shown={layout.shown} activeSprintName={activeSprint?.name ?? null} />
      </div>
      {/* People's work in progress and the board's notices share one row of fixed height, so neither arriving moves the cards. */}
      <div className="board-status">
        <Suspense fallback={<div className="people-wip" />}>
          <PeopleWipBar boardId={view.board.id} people={peopleWip.data?.people ?? []} meId={meId} canManage={canManage} />
        </Suspense>
        <div className="board-notice" role={notice?.tone === 'error' && !placedNotice ? 'alert' : 'status'}>
          {notice && !placedNotice && <NoticeText notice={notice} onDismiss={() => say(null)} />}
        </div>
      </div>
      <PeopleWipProvider value={peopleWipById}>
      <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragOver={onDragOver} onDragEnd={onDragEnd} onDragCancel={() => (setActiveId(null), setOverDrop(null))} accessibility={{ announcements }}>
        <div className={`board-grid${view.swimlanes.length ? ' with-lanes' : ''}`} style={{ '--columns': view.columns.length, '--lanes': lanes.length } as React.CSSProperties}>
          {view.columns.map((column, columnIndex) => {
            const count = layout.columnCounts.get(column.id) ?? 0;
            const state = wipState(count, column.wipLimit);
            const columnRefusal = active ? refusalAt({ kind: 'cell', columnId: column.id, columnIndex, swimlaneId: active.swimlaneId, laneKey: '', index: 0 }, active.id) : null;
            const limitText = column.wipLimit !== null ? `${column.wipPolicy === 'HARD' ? 'Hard' : 'Soft'} WIP limit ${column.wipLimit}` : 'No WIP limit';
            return (
              <section key={column.id} className={`board-column ${state}${columnRefusal ? ' refusing' : ''}`} aria-label={column.name}>
                <ColumnDropZone columnId={column.id} columnIndex={columnIndex}>
                  <h2>{column.name}</h2>
                  <span className={`wip${state === 'over-limit' ? ' over' : state === 'at-limit' ? ' at' : ''}`} title={limitText}>
                    {count}
                    {column.wipLimit !== null && ` / ${column.wipLimit}`}
                    {column.wipLimit !== null && column.wipPolicy === 'HARD' && <span className="policy"> hard</span>}
                    {state === 'at-limit' && <span className="limit-text"> at limit</span>}
                    {state === 'over-limit' && <span className="limit-text"> over limit</span>}
                  </span>
                  {columnRefusal && <span className="refusal-tag">Full</span>}
                  {canWork && <QuickAdd columnName={column.name} position="top" onAdd={(title) => addCard(column.id, null, 'top', title)} />}
                </ColumnDropZone>
                {lanes.map((lane) => {
                  const drop: DropData = { kind: 'cell', columnId: column.id, columnIndex, swimlaneId: lane.id, laneKey: lane.key, index: 0 };
                  const cards = cellCards(layout, column.id, lane.id);
                  const refusing = active ? refusalAt(drop, active.id) : null;
                  const laneCount = lane.id && lane.wipLimit !== null ? swimlaneWipCount(view.cards, lane.id, flow) : 0;
                  const laneState = lane.id ? wipState(laneCount, lane.wipLimit) : 'within';
                  const inLane = laneCardCount(lane.id);
                  // An empty swimlane starts folded to a thin row; a person can fold or open any lane, and the board remembers it.
                  const collapsed = view.swimlanes.length > 0 && !(laneChoice[lane.key] ?? inLane > 0);
                  const toggle = () => setLaneChoice({ ...laneChoice, [lane.key]: collapsed });
                  const laneLimit = lane.id && lane.wipLimit !== null ? ` · ${laneCount} / ${lane.wipLimit}${laneState === 'over-limit' ? ' over limit' : laneState === 'at-limit' ? ' at limit' : ''}` : '';
                  return (
                    <BoardCell
                      key={lane.key}
                      drop={drop}
                      label={lane.id ? `${column.name}, ${lane.name}` : view.swimlanes.length ? `${column.name}, no swimlane` : `${column.name} cards`}
                      cards={cards}
                      peopleNames={peopleNames}
                      principleNames={principleNames}
                      pending={pending}
                      refusing={refusing}
                      collapsed={collapsed}
                      readOnlyReason={readOnlyReason}
                      onOpen={open}
                      header={
                        view.swimlanes.length ? (
                          columnIndex === 0 ? (
                            <button type="button" className={`lane-title lane-toggle${laneState !== 'within' ? ' over' : ''}`} aria-expanded={!collapsed} aria-label={`Swimlane ${lane.name}${laneLimit}${collapsed ? ` · ${inLane === 0 ? 'no cards' : `${inLane} hidden`}, folded` : `: ${inLane} card${inLane === 1 ? '' : 's'}`}`} onClick={toggle}>
                              <span aria-hidden="true">{collapsed ? '▸' : '▾'} </span>
                              {lane.name}
                              {laneLimit}
                              {collapsed && ` · ${inLane === 0 ? 'no cards' : `${inLane} hidden`}`}
                            </button>
                          ) : (
                            <div className={`lane-title${laneState !== 'within' ? ' over' : ''}`}>
                              {collapsed ? '' : lane.name}
                            </div>
                          )
                        ) : undefined
                      }
                      notice={
                        notice && placedNotice && noticeAt(column.id, lane.id) ? (
                          <div className="cell-notice" role={notice.tone === 'error' ? 'alert' : 'status'}>
                            <NoticeText notice={notice} onDismiss={() => say(null)} />
                          </div>
                        ) : undefined
                      }
                      footer={canWork && !collapsed ? <QuickAdd columnName={lane.id ? `${column.name}, ${lane.name}` : column.name} position="bottom" onAdd={(title) => addCard(column.id, lane.id, 'bottom', title)} /> : undefined}
                    />
                  );
                })}
              </section>
            );
          })}
        </div>
        {/* No drop animation: the card is already in its new place (optimistic), and a second drag can start at once. */}
        <DragOverlay dropAnimation={null}>
          {active ? (
            <div className={`board-card overlay${overRefusal ? ' refused' : ''}`}>
              {overRefusal && (
                <p className="overlay-refusal" aria-hidden="true">
                  Full: {overRefusal}
                </p>
              )}
              {active.title}
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      </PeopleWipProvider>
      <Outlet context={{ columns: view.columns, swimlanes: view.swimlanes } satisfies BoardOutletContext} />
    </section>
  );
}
