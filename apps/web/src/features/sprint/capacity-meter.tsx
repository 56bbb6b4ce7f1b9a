import { capacityState } from '@amb/domain/sprint-capacity';

/** Committed points against capacity, live while planning: over capacity shows in colour and in words. */
export function CapacityMeter({ committed, capacity }: { committed: number; capacity: number | null }) {
  const state = capacityState(committed, capacity);
  const width = capacity ? Math.min(100, (committed / capacity) * 100) : 0;
  return (
    <div className={`capacity capacity-${state}`}>
      <p aria-live="polite">
        <strong>{committed}</strong>{' '}
        {capacity === null ? 'points planned; no capacity set' : `of ${capacity} points of capacity committed`}
        {state === 'over' && <strong className="over-text"> · {committed - capacity!} points over capacity</strong>}
        {state === 'at' && <span> · at capacity</span>}
      </p>
      {capacity !== null && (
        <div className="meter" aria-hidden="true">
          <span style={{ width: `${width}%` }} />
        </div>
      )}
    </div>
  );
}
