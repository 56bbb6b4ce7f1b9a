import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  closestCorners,
  DndContext,
  pointerWithin,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useQueryClient } from '@tanstack/react-query';
import type { Backlog, PlanningCard, SprintPlan, SprintSummary } from '@amb/shared/sprints';
import {
  sprintKeys,
  useBacklog,
  usePlanCard,
  usePrinciples,
  useRankBacklog,
  useSprint,
  useSprints,
  useStartSprint,
} from './api';
import { CapacityMeter } from './capacity-meter';
import { period } from './format';
import { NewSprintDialog } from './new-sprint-dialog';
import { PlanningCardItem, type PlanningList } from './planning-card-item';
import { planningKeyboardCoordinates } from './planning-keyboard';
import { SprintSettings } from './sprint-settings';
import { useCanPlan } from './use-can-plan';
import './sprint.css';
import { withParams } from '../../lib/url-params';

/** The list under the pointer wins (a tall sprint list's corners are far from it); the keyboard goes by nearness. */
const listUnderPointer: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length ? within : closestCorners(args);
};

const pickTarget = (open: SprintSummary[], wanted: string | null) =>
  open.find((s) => s.id === wanted) ??
  [...open].filter((s) => s.state === 'PLANNED').sort((a, b) => a.startDate.localeCompare(b.startDate))[0] ??
  open.find((s) => s.state === 'ACTIVE') ??
  null;

/** The backlog beside a planned or active sprint: rank the backlog, drag cards into the sprint and back. */
export function PlanningPage() {
  const { teamId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const canPlan = useCanPlan(teamId);
  const sprints = useSprints(teamId);
  const backlog = useBacklog(teamId);
  const principles = usePrinciples();
  const open = sprints.data?.sprints.filter((s) => s.state !== 'CLOSED') ?? [];
  const target = pickTarget(open, params.get('sprint'));
  const plan = useSprint(teamId, target?.id ?? null);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const client = useQueryClient();
  const planCard = usePlanCard(teamId);
  const rank = useRankBacklog(teamId);
  const start = useStartSprint(teamId);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: planningKeyboardCoordinates }),
  );

  const filters = {
    owner: params.get('owner') ?? '',
    label: params.get('label') ?? '',
    principle: params.get('principle') ?? '',
  };
  const setFilter = (key: keyof typeof filters, value: string) => {
    setParams(withParams(params, { [key]: value }), { replace: true });
  };
  const allBacklog = backlog.data?.cards ?? [];
  const shown = allBacklog.filter(
    (c) =>
      (!filters.owner || c.ownerIds.includes(filters.owner)) &&
      (!filters.label || c.labels.includes(filters.label)) &&
      (!filters.principle || c.principleIds.includes(filters.principle)),
  );
  const sprintCards = plan.data?.cards ?? [];
  const byId = new Map([...allBacklog, ...sprintCards].map((c) => [c.id, c]));
  const title = (id: unknown) => byId.get(String(id))?.title ?? 'card';

  /** Optimistic: the lists change at once; on a refusal they are reloaded and the reason is said. */
  async function run(optimistic: () => void, write: () => Promise<unknown>, done: string) {
    setFailure('');
    optimistic();
    try {
      await write();
      setStatus(done);
    } catch (e) {
      setFailure(`Not saved: ${(e as Error).message}`);
      await client.invalidateQueries({ queryKey: sprintKeys.team(teamId) });
    }
  }
  const moveToSprint = (card: PlanningCard) => {
    if (!plan.data) return;
    const sprint = plan.data;
    void run(
      () => {
        client.setQueryData<Backlog>(
          sprintKeys.backlog(teamId),
          (b) => b && { cards: b.cards.filter((c) => c.id !== card.id) },
        );
        client.setQueryData<SprintPlan>(
          sprintKeys.sprint(teamId, sprint.id),
          (s) => s && { ...s, cards: [...s.cards, card], committedPoints: s.committedPoints + (card.estimate ?? 0) },
        );
      },
      () => planCard.mutateAsync({ cardId: card.id, sprintId: sprint.id }),
      `Added “${card.title}” to ${sprint.name}.`,
    );
  };
  const moveToBacklog = (card: PlanningCard) => {
    if (!plan.data) return;
    const sprint = plan.data;
    void run(
      () => {
        client.setQueryData<SprintPlan>(
          sprintKeys.sprint(teamId, sprint.id),
          (s) =>
            s && {
              ...s,
              cards: s.cards.filter((c) => c.id !== card.id),
              committedPoints: s.committedPoints - (card.estimate ?? 0),
            },
        );
        client.setQueryData<Backlog>(sprintKeys.backlog(teamId), (b) => b && { cards: [card, ...b.cards] });
      },
      () => planCard.mutateAsync({ cardId: card.id, sprintId: null }),
      `Returned “${card.title}” to the backlog.`,
    );
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || !canPlan) return;
    const from = active.data.current?.list as PlanningList | undefined;
    const to =
      (over.data.current?.list as PlanningList | undefined) ??
      (over.id === 'sprint-list' ? 'sprint' : over.id === 'backlog-list' ? 'backlog' : undefined);
    const card = byId.get(String(active.id));
    if (!card || !from || !to) return;
    if (from === 'backlog' && to === 'sprint') return moveToSprint(card);
    if (from === 'sprint' && to === 'backlog') return moveToBacklog(card);
    if (from === 'backlog' && to === 'backlog' && active.id !== over.id) {
      const ids = shown.map((c) => c.id);
      const order = arrayMove(ids, ids.indexOf(card.id), ids.indexOf(String(over.id)));
      const afterCardId = order[order.indexOf(card.id) - 1] ?? null;
      void run(
        () =>
          client.setQueryData<Backlog>(
            sprintKeys.backlog(teamId),
            (b) =>
              b && {
                cards: arrayMove(
                  b.cards,
                  b.cards.findIndex((c) => c.id === card.id),
                  b.cards.findIndex((c) => c.id === over.id),
                ),
              },
          ),
        () => rank.mutateAsync({ cardId: card.id, afterCardId }),
        `Moved “${card.title}” to position ${order.indexOf(card.id) + 1} of the backlog.`,
      );
    }
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${title(active.id)}. Use the arrow keys to move it: right into the sprint, left into the backlog, up and down to re-rank. Space drops it, Escape cancels.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${title(active.id)} is over ${over.data.current?.list === 'sprint' || over.id === 'sprint-list' ? 'the sprint' : 'the backlog'}.`
        : `${title(active.id)} is over no list.`,
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${title(active.id)}.` : `${title(active.id)} was dropped outside the lists.`,
    onDragCancel: ({ active }) => `Moving ${title(active.id)} was cancelled.`,
  };

  if (sprints.error || backlog.error)
    return <p role="alert">The backlog could not be loaded: {(sprints.error ?? backlog.error)!.message}</p>;
  if (!sprints.data || !backlog.data)
    return (
      <p className="page-loading" role="status">
        Loading backlog…
      </p>
    );
  const labels = [...new Set(allBacklog.flatMap((c) => c.labels))].sort();
  const owners = new Map(allBacklog.flatMap((c) => c.ownerIds.map((id, i) => [id, c.ownerNames[i]!] as const)));
  const backlogPoints = shown.reduce((s, c) => s + (c.estimate ?? 0), 0);

  return (
    <section className="planning-page" aria-labelledby="planning-title">
      <header className="planning-header">
        <h1 id="planning-title">Backlog and planning</h1>
        {canPlan && (
          <button type="button" onClick={() => setCreating(true)}>
            New sprint
          </button>
        )}
        <p id="planning-drag-help" className="muted">
          {canPlan
            ? 'Drag cards into the sprint and back, or up and down to re-rank. With the keyboard: Space lifts a card, the arrow keys move it, Space drops it.'
            : 'You can read the backlog; a scrum master or product owner plans the sprints.'}
        </p>
      </header>
      <p role="status" aria-live="polite" className="visually-hidden">
        {status}
      </p>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={listUnderPointer}
        onDragEnd={onDragEnd}
        accessibility={{ announcements }}
      >
        <div className="planning-grid">
          <section className="backlog-pane" aria-labelledby="backlog-title">
            <h2 id="backlog-title">
              Backlog{' '}
              <span className="muted">
                {shown.length} cards · {backlogPoints} pt
              </span>
            </h2>
            <form
              className="filter-bar"
              role="search"
              aria-label="Filter the backlog"
              onSubmit={(e) => e.preventDefault()}
            >
              <FilterSelect
                label="Owner"
                any="Any owner"
                value={filters.owner}
                onChange={(v) => setFilter('owner', v)}
                options={[...owners]}
              />
              <FilterSelect
                label="Label"
                any="Any label"
                value={filters.label}
                onChange={(v) => setFilter('label', v)}
                options={labels.map((l) => [l, l] as const)}
              />
              <FilterSelect
                label="Principle"
                any="Any principle"
                value={filters.principle}
                onChange={(v) => setFilter('principle', v)}
                options={(principles.data?.principles ?? []).map((p) => [p.id, p.name] as const)}
              />
            </form>
            <DropList
              id="backlog-list"
              label="Backlog cards"
              items={shown.map((c) => c.id)}
              empty={
                allBacklog.length
                  ? 'No backlog card matches these filters.'
                  : 'The backlog is empty: every open card is in a sprint.'
              }
            >
              {shown.map((c) => (
                <PlanningCardItem
                  key={c.id}
                  card={c}
                  list="backlog"
                  canPlan={canPlan && Boolean(plan.data)}
                  action={plan.data ? `Add to ${plan.data.name}` : 'Add to sprint'}
                  onAction={() => moveToSprint(c)}
                />
              ))}
            </DropList>
          </section>
          <section className="sprint-pane" aria-labelledby="target-title">
            {open.length === 0 ? (
              <div className="empty-state">
                <h2 id="target-title">No open sprint</h2>
                <p className="muted">Create a sprint to plan cards into it.</p>
              </div>
            ) : (
              <>
                <div className="target-head">
                  <h2 id="target-title">{plan.data?.name ?? target?.name}</h2>
                  <select
                    aria-label="Sprint to plan"
                    value={target?.id ?? ''}
                    onChange={(e) => setParams({ sprint: e.target.value }, { replace: true })}
                  >
                    {open.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name} ({s.state === 'ACTIVE' ? 'active' : 'planned'})
                      </option>
                    ))}
                  </select>
                </div>
                {plan.data ? (
                  <SprintTarget
                    teamId={teamId}
                    sprint={plan.data}
                    canPlan={canPlan}
                    onStart={() => start.mutate(plan.data!.id)}
                    startError={start.error?.message}
                    onBack={moveToBacklog}
                  />
                ) : (
                  <p role="status">Loading sprint…</p>
                )}
              </>
            )}
          </section>
        </div>
      </DndContext>
      {creating && (
        <NewSprintDialog
          teamId={teamId}
          sprints={sprints.data.sprints}
          onDone={(id) => {
            setCreating(false);
            if (id) setParams({ sprint: id }, { replace: true });
          }}
        />
      )}
    </section>
  );
}

function SprintTarget({
  teamId,
  sprint,
  canPlan,
  onStart,
  startError,
  onBack,
}: {
  teamId: string;
  sprint: SprintPlan;
  canPlan: boolean;
  onStart: () => void;
  startError?: string;
  onBack: (c: PlanningCard) => void;
}) {
  const totalDays = sprint.people.reduce((s, p) => s + p.availableDays, 0);
  return (
    <>
      <p className="muted">
        {period(sprint.startDate, sprint.endDate)} · {sprint.state === 'ACTIVE' ? 'active' : 'planned'} ·{' '}
        <Link to={`/teams/${teamId}/sprint?sprint=${sprint.id}`}>sprint page</Link>
      </p>
      <p className="sprint-goal">
        {sprint.goal ? `Goal: ${sprint.goal}` : 'No goal yet: say what this sprint is for.'}
      </p>
      <CapacityMeter committed={sprint.committedPoints} capacity={sprint.capacityPoints} />
      <DropList
        id="sprint-list"
        label={`Cards in ${sprint.name}`}
        items={sprint.cards.map((c) => c.id)}
        empty="No cards yet: drag cards here from the backlog."
      >
        {sprint.cards.map((c) => (
          <PlanningCardItem
            key={c.id}
            card={c}
            list="sprint"
            canPlan={canPlan}
            action="Back to backlog"
            onAction={() => onBack(c)}
          />
        ))}
      </DropList>
      <table className="data-table load-table">
        <caption>Load per person</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col" className="number">
              Days available
            </th>
            <th scope="col" className="number">
              Points
            </th>
            <th scope="col" className="number">
              Fair share (pt)
            </th>
          </tr>
        </thead>
        <tbody>
          {sprint.people.map((p) => {
            const share =
              sprint.capacityPoints !== null && totalDays > 0
                ? Math.round((sprint.capacityPoints * p.availableDays) / totalDays)
                : null;
            const heavy = share !== null && p.points > share;
            return (
              <tr key={p.userId} className={heavy ? 'over' : ''}>
                <th scope="row">{p.name}</th>
                <td className="number">
                  {p.availableDays}
                  {p.daysOff > 0 && <span className="muted"> ({p.daysOff} off)</span>}
                </td>
                <td className="number">
                  {p.points}
                  {heavy && <span className="over-text"> · over share</span>}
                </td>
                <td className="number">{share ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canPlan && sprint.state === 'PLANNED' && (
        <div className="sprint-actions">
          <button type="button" className="primary" onClick={onStart}>
            Start {sprint.name}
          </button>
          {startError && (
            <p role="alert" className="form-error">
              {startError}
            </p>
          )}
        </div>
      )}
      {canPlan && (
        <SprintSettings key={`${sprint.id}:${sprint.name}:${sprint.capacityPoints}:${sprint.goal}`} sprint={sprint} />
      )}
    </>
  );
}

function DropList({
  id,
  label,
  items,
  empty,
  children,
}: {
  id: string;
  label: string;
  items: string[];
  empty: string;
  children: React.ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id, data: { list: id === 'sprint-list' ? 'sprint' : 'backlog' } });
  return (
    <SortableContext id={id} items={items} strategy={verticalListSortingStrategy}>
      <ul ref={setNodeRef} className={`drop-list${isOver ? ' over' : ''}`} aria-label={label}>
        {children}
        {items.length === 0 && <li className="drop-empty muted">{empty}</li>}
      </ul>
    </SortableContext>
  );
}

function FilterSelect({
  label,
  any,
  value,
  onChange,
  options,
}: {
  label: string;
  any: string;
  value: string;
  onChange: (value: string) => void;
  options: (readonly [string, string])[];
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      {options.map(([id, name]) => (
        <option key={id} value={id}>
          {name}
        </option>
      ))}
    </select>
  );
}
