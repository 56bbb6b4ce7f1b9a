import type { BoardView } from '@amb/shared/boards';
import type { Principle } from '@amb/shared/principles';
import { isFiltering, type BoardFilters } from './board-filters';

/** Finding work: text, owner, label, principle, obstacles, due soon. The URL keeps the choice. */
export function FilterBar({ view, principles, filters, onChange, shown, activeSprintName = null }: { view: BoardView; principles: Principle[]; filters: BoardFilters; onChange: (f: BoardFilters) => void; shown: number; activeSprintName?: string | null }) {
  const labels = [...new Set(view.cards.flatMap((c) => c.labels))].sort();
  const set = (patch: Partial<BoardFilters>) => onChange({ ...filters, ...patch });
  return (
    <form className="filter-bar" role="search" aria-label="Filter cards" onSubmit={(e) => e.preventDefault()}>
      <input type="search" aria-label="Search cards" placeholder="Search cards" value={filters.text} onChange={(e) => set({ text: e.target.value })} />
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
      <label className="check">
        <input type="checkbox" checked={filters.blocked} onChange={(e) => set({ blocked: e.target.checked })} /> Blocked
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.dueSoon} onChange={(e) => set({ dueSoon: e.target.checked })} /> Due soon
      </label>
      {(activeSprintName || filters.activeSprint) && (
        <label className="check" title={activeSprintName ?? 'No sprint is active'}>
          <input type="checkbox" checked={filters.activeSprint} onChange={(e) => set({ activeSprint: e.target.checked })} /> Only the active sprint
        </label>
      )}
      {isFiltering(filters) && (
        <>
          <span className="muted" role="status">
            {shown} of {view.cards.length} cards
          </span>
          <button type="button" onClick={() => onChange({ text: '', owner: '', label: '', principle: '', blocked: false, dueSoon: false, activeSprint: false })}>
            Clear filters
          </button>
        </>
      )}
    </form>
  );
}
