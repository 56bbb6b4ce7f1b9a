import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { BoardView } from '@amb/shared/boards';
import type { Principle } from '@amb/shared/principles';
import type { Campaign } from '@amb/shared/campaigns';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { emptyFilters, isFiltering, type BoardFilters } from './board-filters';

/**
 * Finding work: text, owner, label, principle, campaign, obstacles, due soon, the active sprint. The URL keeps the choice.
 * The search text applies once typing pauses, so a 5,000-card board is not filtered on every keystroke.
 */
export function FilterBar({
  view,
  principles,
  campaigns = [],
  filters,
  onChange,
  shown,
  id,
  activeSprintName = null,
}: {
  view: BoardView;
  principles: Principle[];
  /** The organisation's campaigns; the filter shows once there is one. */
  campaigns?: Pick<Campaign, 'id' | 'name'>[];
  filters: BoardFilters;
  onChange: (f: BoardFilters) => void;
  shown: number;
  id?: string;
  activeSprintName?: string | null;
}) {
  // The label list follows the cards a moment later, after a drop has been painted, not as part of it.
  const cards = useDeferredValue(view.cards);
  const labels = useMemo(() => [...new Set(cards.flatMap((c) => c.labels))].sort(), [cards]);
  const set = (patch: Partial<BoardFilters>) => onChange({ ...filters, ...patch });
  const [text, setText] = useState(filters.text);
  const settled = useDebouncedValue(text, 250);
  useEffect(() => {
    if (settled !== filters.text) onChange({ ...filters, text: settled });
    // Only a change of the typed text is sent on; the other filters apply at once through `set`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  return (
    <form className="filter-bar" id={id} role="search" aria-label="Filter cards" onSubmit={(e) => e.preventDefault()}>
      <input
        type="search"
        aria-label="Search cards"
        placeholder="Search cards"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <select aria-label="Owner" value={filters.owner} onChange={(e) => set({ owner: e.target.value })}>
        <option value="">Any owner</option>
        {view.people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <select aria-label="Label" value={filters.label} onChange={(e) => set({ label: e.target.value })}>
        <option value="">Any label</option>
        {labels.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
      <select aria-label="Principle" value={filters.principle} onChange={(e) => set({ principle: e.target.value })}>
        <option value="">Any principle</option>
        {principles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {(campaigns.length > 0 || filters.campaign) && (
        <select aria-label="Campaign" value={filters.campaign} onChange={(e) => set({ campaign: e.target.value })}>
          <option value="">Any campaign</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
      <label className="check">
        <input type="checkbox" checked={filters.blocked} onChange={(e) => set({ blocked: e.target.checked })} /> Blocked
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.dueSoon} onChange={(e) => set({ dueSoon: e.target.checked })} /> Due
        soon
      </label>
      {(activeSprintName || filters.activeSprint) && (
        <label className="check" title={activeSprintName ?? 'No sprint is active'}>
          <input
            type="checkbox"
            checked={filters.activeSprint}
            onChange={(e) => set({ activeSprint: e.target.checked })}
          />{' '}
          Only the active sprint
        </label>
      )}
      {isFiltering(filters) && (
        <>
          <span className="muted" role="status">
            {shown} of {view.cards.length} cards
          </span>
          <button
            type="button"
            onClick={() => {
              setText('');
              onChange(emptyFilters);
            }}
          >
            Clear filters
          </button>
        </>
      )}
    </form>
  );
}
