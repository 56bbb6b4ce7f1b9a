import { useDroppable } from '@dnd-kit/core';
import type { FlowCategory } from '@amb/domain/card-timeline';
import { swimlaneWipCount, wipState } from '@amb/domain/wip';
import type { BoardView, CardSummary } from '@amb/shared/boards';
import { BoardCell } from './board-cell';
import type { Lane } from './board-lanes';
import { cellCards, type BoardLayout } from './board-layout';
import { useBoardStore, type Notice } from './board-store';
import type { RefusalAt } from './drag-announcements';
import type { DropData } from './keyboard-coordinates';
import { NoticeText } from './notice-text';
import { QuickAdd } from './quick-add';

/** A column's header takes a drop too: the card goes to the top of the column, in its own swimlane. */
function ColumnDropZone({
  columnId,
  columnIndex,
  children,
}: {
  columnId: string;
  columnIndex: number;
  children: React.ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({
    id: `column:${columnId}`,
    data: { kind: 'column', columnId, columnIndex, swimlaneId: null, laneKey: '*', index: 0 } satisfies DropData,
  });
  return (
    <header className={`column-header${isOver ? ' over' : ''}`} ref={setNodeRef}>
      {children}
    </header>
  );
}

interface BoardColumnProps {
  view: BoardView;
  column: BoardView['columns'][number];
  columnIndex: number;
  lanes: Lane[];
  layout: BoardLayout;
  flow: (columnId: string) => FlowCategory;
  /** The card being dragged, and why a place would refuse it. */
  active: CardSummary | null;
  refusalAt: RefusalAt;
  canWork: boolean;
  readOnlyReason: string | null;
  /** Swimlanes a person opened (true) or folded (false). */
  laneChoice: Record<string, boolean>;
  onLaneChoice: (next: Record<string, boolean>) => void;
  peopleNames: Map<string, string>;
  principleNames: Map<string, { short: string; full: string }>;
  pending: Record<string, true>;
  /** The notice to show in one of this column's cells, when it is about a place the board shows. */
  notice: Notice | null;
  placedNotice: boolean;
  onOpen: (cardId: string) => void;
}

/** One column of the grid: its header (count against the WIP limit, quick add) and a cell per swimlane. */
export function BoardColumn(props: BoardColumnProps) {
  const {
    view,
    column,
    columnIndex,
    lanes,
    layout,
    flow,
    active,
    refusalAt,
    canWork,
    readOnlyReason,
    laneChoice,
    onLaneChoice: setLaneChoice,
  } = props;
  const { peopleNames, principleNames, pending, notice, placedNotice, onOpen: open } = props;
  const { addCard, say } = useBoardStore.getState();
  const laneCardCount = (laneId: string | null) => layout.laneCounts.get(laneId) ?? 0;
  const noticeAt = (columnId: string, laneId: string | null) =>
    notice?.at && notice.at.columnId === columnId && notice.at.swimlaneId === laneId;
  const count = layout.columnCounts.get(column.id) ?? 0;
  const state = wipState(count, column.wipLimit);
  const columnRefusal = active
    ? refusalAt(
        { kind: 'cell', columnId: column.id, columnIndex, swimlaneId: active.swimlaneId, laneKey: '', index: 0 },
        active.id,
      )
    : null;
  const limitText =
    column.wipLimit !== null
      ? `${column.wipPolicy === 'HARD' ? 'Hard' : 'Soft'} WIP limit ${column.wipLimit}`
      : 'No WIP limit';
  return (
    <section className={`board-column ${state}${columnRefusal ? ' refusing' : ''}`} aria-label={column.name}>
      <ColumnDropZone columnId={column.id} columnIndex={columnIndex}>
        <h2>{column.name}</h2>
        <span
          className={`wip${state === 'over-limit' ? ' over' : state === 'at-limit' ? ' at' : ''}`}
          title={limitText}
        >
          {count}
          {column.wipLimit !== null && ` / ${column.wipLimit}`}
          {column.wipLimit !== null && column.wipPolicy === 'HARD' && <span className="policy"> hard</span>}
          {state === 'at-limit' && <span className="limit-text"> at limit</span>}
          {state === 'over-limit' && <span className="limit-text"> over limit</span>}
        </span>
        {column.requiresApproval && (
          <span className="approval-gate-mark" title="A card leaves this column only once its approval stands approved">
            needs approval
          </span>
        )}
        {columnRefusal && <span className="refusal-tag">{columnRefusal.tag}</span>}
        {canWork && (
          <QuickAdd columnName={column.name} position="top" onAdd={(title) => addCard(column.id, null, 'top', title)} />
        )}
      </ColumnDropZone>
      {lanes.map((lane) => {
        const drop: DropData = {
          kind: 'cell',
          columnId: column.id,
          columnIndex,
          swimlaneId: lane.id,
          laneKey: lane.key,
          index: 0,
        };
        const cards = cellCards(layout, column.id, lane.id);
        const refusing = active ? refusalAt(drop, active.id) : null;
        const laneCount = lane.id && lane.wipLimit !== null ? swimlaneWipCount(view.cards, lane.id, flow) : 0;
        const laneState = lane.id ? wipState(laneCount, lane.wipLimit) : 'within';
        const inLane = laneCardCount(lane.id);
        // An empty swimlane starts folded to a thin row; a person can fold or open any lane, and the board remembers it.
        const collapsed = view.swimlanes.length > 0 && !(laneChoice[lane.key] ?? inLane > 0);
        const toggle = () => setLaneChoice({ ...laneChoice, [lane.key]: collapsed });
        const laneLimit =
          lane.id && lane.wipLimit !== null
            ? ` · ${laneCount} / ${lane.wipLimit}${laneState === 'over-limit' ? ' over limit' : laneState === 'at-limit' ? ' at limit' : ''}`
            : '';
        return (
          <BoardCell
            key={lane.key}
            drop={drop}
            label={
              lane.id
                ? `${column.name}, ${lane.name}`
                : view.swimlanes.length
                  ? `${column.name}, no swimlane`
                  : `${column.name} cards`
            }
            cards={cards}
            peopleNames={peopleNames}
            principleNames={principleNames}
            pending={pending}
            refusing={refusing?.message ?? null}
            collapsed={collapsed}
            readOnlyReason={readOnlyReason}
            onOpen={open}
            header={
              view.swimlanes.length ? (
                columnIndex === 0 ? (
                  <button
                    type="button"
                    className={`lane-title lane-toggle${laneState !== 'within' ? ' over' : ''}`}
                    aria-expanded={!collapsed}
                    aria-label={`Swimlane ${lane.name}${laneLimit}${collapsed ? ` · ${inLane === 0 ? 'no cards' : `${inLane} hidden`}, folded` : `: ${inLane} card${inLane === 1 ? '' : 's'}`}`}
                    onClick={toggle}
                  >
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
            footer={
              canWork && !collapsed ? (
                <QuickAdd
                  columnName={lane.id ? `${column.name}, ${lane.name}` : column.name}
                  position="bottom"
                  onAdd={(title) => addCard(column.id, lane.id, 'bottom', title)}
                />
              ) : undefined
            }
          />
        );
      })}
    </section>
  );
}
