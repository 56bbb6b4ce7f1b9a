import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/** Capacity typed in a number field: empty means no capacity set. */
export const capacityValue = { setValueAs: (v: unknown) => (v === '' || v === null ? null : Number(v)) };

/** A sprint's dates and capacity, as the new-sprint and edit forms both ask for them. */
export function SprintDateFields({
  start,
  end,
  capacity,
  error,
  startLocked = false,
}: {
  start: UseFormRegisterReturn;
  end: UseFormRegisterReturn;
  capacity: UseFormRegisterReturn;
  error: (name: 'startDate' | 'endDate' | 'capacityPoints') => ReactNode;
  startLocked?: boolean;
}) {
  return (
    <div className="form-row">
      <label className="stacked">
        Starts
        <input type="date" {...start} disabled={startLocked} />
        {error('startDate')}
      </label>
      <label className="stacked">
        Ends
        <input type="date" {...end} />
        {error('endDate')}
      </label>
      <label className="stacked">
        Capacity (points)
        <input type="number" min={0} {...capacity} />
        {error('capacityPoints')}
      </label>
    </div>
  );
}
