import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useNavigate, useParams, useSearchParams } from 'react-router';
import {
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
  type DragStartEvent,
} from '@dnd-kit/core';
import { isOverLimit } from '@amb/domain/wip';
import type { BoardView, CardSummary } from '@amb/shared/boards';
import { principleListSchema, type Principle } from '@amb/shared/principles';
import { api } from '../../lib/api-client';
import { useAuthStore } from '../auth/auth-store';
import { useTeamsStore } from '../teams/teams-store';
import { BoardCell } from './board-cell';
import { matchesFilters, readFilters, writeFilters } from './board-filters';
import { columnCards, useBoardStore, type Place } from './board-store';
import { decideDrop } from './drag-rules';
import { ExportLinks } from './export-links';
import { FilterBar } from './filter-bar';
import { PeopleWipBar, PeopleWipProvider, usePeopleWip } from './people-wip';
import { boardKeyboardCoordinates, type DropData } from './keyboard-coordinates';
import { QuickAdd } from './quick-add';
import { useBoardEvents } from './use-board-events';
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

function placeFor(view: BoardView, active: CardSummary, drop: DropData, overId: string): Place {
  const column = columnCards(view, drop.columnId, active.id);
  if (drop.kind === 'cell') return { columnId: drop.columnId, swimlaneId: drop.swimlaneId, afterCardId: column.at(-1)?.id ?? null };
  const targetId = overId.slice('card:'.length);
  const full = columnCards(view, drop.columnId);
  const movingDown = active.columnId === drop.columnId && full.findIndex((c) => c.id === active.id) < full.findIndex((c) => c.id === targetId);
  const index = column.findIndex((c) => c.id === targetId);
  const afterCardId = movingDown ? targetId : index > 0 ? column[index - 1]!.id : null;
  return { columnId: drop.columnId, swimlaneId: drop.swimlaneId, afterCardId };
}

export function BoardPage() {
  const { teamId } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const team = useTeamsStore((s) => s.teams?.find((t) => t.id === teamId));
  const teamsLoaded = useTeamsStore((s) => s.teams !== null);
  const me = useAuthStore((s) => s.me);
  const boardId = team?.boards[0]?.id;
  const view = useBoardStore((s) => (s.view?.board.id === boardId ? s.view : null));
  const status = useBoardStore((s) => s.status);
  const error = useBoardStore((s) => s.error);
  const notice = useBoardStore((s) => s.notice);
  const lastMove = useBoardStore((s) => s.lastMove);
  const pending = useBoardStore((s) => s.pending);
  const { load, move, undo, addCard, say } = useBoardStore.getState();
  const [principles, setPrinciples] = useState<Principle[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const filters = readFilters(params);

  useEffect(() => {
    if (boardId) void load(boardId);
  }, [boardId, load]);
  useBoardEvents(boardId, Boolean(view));
  const peopleWip = usePeopleWip(boardId ?? '', view?.lastActivityId);
  const peopleWipById = useMemo(() => new Map((peopleWip.data?.people ?? []).map((p) => [p.userId, p])), [peopleWip.data]);
  useEffect(() => {
    api('GET', '/principles', { schema: principleListSchema })
      .then((r) => setPrinciples(r.principles.filter((p) => !p.archived)))
      .catch(() => setPrinciples([]));
  }, []);
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
  const open = useCallback((cardId: string) => navigate({ pathname: `cards/${cardId}`, search: params.toString() }), [navigate, params]);

  const active = activeId && view ? (view.cards.find((c) => c.id === activeId) ?? null) : null;
  const describe = (data: DropData | undefined) => {
    if (!data || !view) return 'nowhere';
    const column = view.columns.find((c) => c.id === data.columnId)?.name ?? 'a column';
    const lane = data.swimlaneId ? `, swimlane ${view.swimlanes.find((s) => s.id === data.swimlaneId)?.name}` : '';
    return data.kind === 'card' ? `column ${column}${lane}, position ${data.index + 1}` : `column ${column}${lane}, at the end`;
  };
  const titleOf = (id: string | number) => view?.cards.find((c) => c.id === id)?.title ?? 'card';
  const refusalAt = (data: DropData | undefined, id: string | number) => {
    const card = view?.cards.find((c) => c.id === id);
    if (!data || !card || !view) return null;
    const decision = decideDrop(view, card, data.columnId, data.swimlaneId);
    return decision.allowed ? null : decision.message;
  };
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => `Picked up card ${titleOf(a.id)}. Arrow keys move it between columns and cards; Space drops it; Escape cancels.`,
    onDragOver: ({ active: a, over }) => (over ? `Card ${titleOf(a.id)} is over ${describe(over.data.current as DropData)}` : `Card ${titleOf(a.id)} is not over a column`),
    onDragEnd: ({ active: a, over }) => {
      if (!over) return `Card ${titleOf(a.id)} was put back`;
      const refusal = refusalAt(over.data.current as DropData, a.id);
      return refusal ? `Card ${titleOf(a.id)} cannot go there: ${refusal}` : `Card ${titleOf(a.id)} dropped in ${describe(over.data.current as DropData)}`;
    },
    onDragCancel: ({ active: a }) => `Moving card ${titleOf(a.id)} was cancelled; it is back where it was`,
  };

  const onDragStart = (e: DragStartEvent) => setActiveId(String(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setActiveId(null);
    const card = view?.cards.find((c) => c.id === e.active.id);
    const data = e.over?.data.current as DropData | undefined;
    if (!view || !card || !data || !e.over) return;
    const refusal = refusalAt(data, card.id);
    if (refusal) {
      say({ tone: 'error', text: refusal });
      return;
    }
    void move(card.id, placeFor(view, card, data, String(e.over.id)));
  };

  if (teamsLoaded && !team) return <p role="alert">This team does not exist or you cannot see it.</p>;
  if (!boardId && teamsLoaded) return <div className="empty-state">This team has no board yet.</div>;
  if (status === 'error' && !view) {
    return (
      <div role="alert" className="empty-state">
        <p>The board could not be loaded: {error}</p>
        <button type="button" onClick={() => boardId && void load(boardId)}>
          Try again
        </button>
      </div>
    );
  }
  if (!view) return <p className="page-loading" role="status">Loading board…</p>;

  const canManage = team?.myRole === 'SCRUM_MASTER' || me?.user.orgRole === 'ADMIN';
  const canWork = me?.user.orgRole === 'ADMIN' || (team?.myRole !== null && team?.myRole !== 'VIEWER');
  const visible = view.cards.filter((c) => matchesFilters(c, filters));
  const lanes = view.swimlanes.length ? [...view.swimlanes.map((s) => ({ key: s.id, id: s.id as string | null, name: s.name, wipLimit: s.wipLimit })), { key: NO_LANE, id: null, name: 'No swimlane', wipLimit: null }] : [{ key: NO_LANE, id: null, name: '', wipLimit: null }];
  const laneCount = (laneId: string) => {
    const counting = new Set(view.columns.filter((c) => c.flowCategory === 'TODO' || c.flowCategory === 'IN_PROGRESS').map((c) => c.id));
    return view.cards.filter((c) => c.swimlaneId === laneId && counting.has(c.columnId)).length;
  };

  return (
    <section className="board-page" aria-label={view.board.name}>
      <div className="board-toolbar">
        <h1>{view.board.name}</h1>
        <button type="button" onClick={() => void undo()} disabled={!lastMove} title="Undo the last move (Ctrl+Z)">
          {lastMove ? `Undo move of “${lastMove.title}”` : 'Undo'}
        </button>
        <Link to={{ pathname: 'archived', search: params.toString() }} className="button-link">
          Archived cards
        </Link>
        <ExportLinks boardId={view.board.id} />
        {canManage && (
          <Link to={{ pathname: 'columns', search: params.toString() }} className="button-link">
            Columns
          </Link>
        )}
        {canManage && (
          <Link to={`/teams/${teamId}/import`} className="button-link">
            Import
          </Link>
        )}
      </div>
      <FilterBar view={view} principles={principles} filters={filters} onChange={(f) => setParams(writeFilters(params, f), { replace: true })} shown={visible.length} />
      <PeopleWipBar boardId={view.board.id} people={peopleWip.data?.people ?? []} meId={me?.user.id} canManage={canManage} />
      <div className="board-notice" role={notice?.tone === 'error' ? 'alert' : 'status'}>
        {notice && (
          <p className={`notice ${notice.tone}`}>
            {notice.text}{' '}
            <button type="button" className="link" onClick={() => say(null)} aria-label="Dismiss">
              ×
            </button>
          </p>
        )}
      </div>
      <PeopleWipProvider value={peopleWipById}>
      <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setActiveId(null)} accessibility={{ announcements }}>
        <div className={`board-grid${view.swimlanes.length ? ' with-lanes' : ''}`} style={{ '--columns': view.columns.length, '--lanes': lanes.length } as React.CSSProperties}>
          {view.columns.map((column, columnIndex) => {
            const count = view.cards.filter((c) => c.columnId === column.id).length;
            const over = isOverLimit(count, column.wipLimit);
            const columnRefusal = active ? refusalAt({ kind: 'cell', columnId: column.id, columnIndex, swimlaneId: active.swimlaneId, laneKey: '', index: 0 }, active.id) : null;
            return (
              <section key={column.id} className={`board-column${over ? ' over-limit' : ''}${columnRefusal ? ' refusing' : ''}`} aria-label={column.name}>
                <header className="column-header">
                  <h2>{column.name}</h2>
                  <span className={`wip${over ? ' over' : ''}`} title={column.wipLimit !== null ? `${column.wipPolicy === 'HARD' ? 'Hard' : 'Soft'} WIP limit ${column.wipLimit}` : 'No WIP limit'}>
                    {count}
                    {column.wipLimit !== null && ` / ${column.wipLimit}`}
                    {column.wipLimit !== null && column.wipPolicy === 'HARD' && <span className="policy"> hard</span>}
                    {over && <span className="over-text"> over limit</span>}
                  </span>
                  {canWork && <QuickAdd columnName={column.name} position="top" onAdd={(title) => addCard(column.id, null, 'top', title)} />}
                </header>
                {lanes.map((lane) => {
                  const drop: DropData = { kind: 'cell', columnId: column.id, columnIndex, swimlaneId: lane.id, laneKey: lane.key, index: 0 };
                  const cards = visible.filter((c) => c.columnId === column.id && (c.swimlaneId ?? NO_LANE) === (lane.id ?? NO_LANE)).sort((a, b) => (a.rank < b.rank ? -1 : 1));
                  const refusing = active ? refusalAt(drop, active.id) : null;
                  const laneOver = lane.id && lane.wipLimit !== null ? laneCount(lane.id) > lane.wipLimit : false;
                  return (
                    <BoardCell
                      key={lane.key}
                      drop={drop}
                      label={lane.id ? `${column.name}, ${lane.name}` : view.swimlanes.length ? `${column.name}, no swimlane` : `${column.name} cards`}
                      cards={cards}
                      peopleNames={peopleNames}
                      pending={pending}
                      refusing={refusing}
                      onOpen={open}
                      header={
                        view.swimlanes.length ? (
                          <div className={`lane-title${laneOver ? ' over' : ''}`}>
                            {lane.name}
                            {lane.id && lane.wipLimit !== null && columnIndex === 0 && ` · ${laneCount(lane.id)} / ${lane.wipLimit}${laneOver ? ' over limit' : ''}`}
                          </div>
                        ) : undefined
                      }
                      footer={canWork ? <QuickAdd columnName={lane.id ? `${column.name}, ${lane.name}` : column.name} position="bottom" onAdd={(title) => addCard(column.id, lane.id, 'bottom', title)} /> : undefined}
                    />
                  );
                })}
              </section>
            );
          })}
        </div>
        {/* No drop animation: the card is already in its new place (optimistic), and a second drag can start at once. */}
        <DragOverlay dropAnimation={null}>{active ? <div className="board-card overlay">{active.title}</div> : null}</DragOverlay>
      </DndContext>
      </PeopleWipProvider>
      <Outlet />
    </section>
  );
}
