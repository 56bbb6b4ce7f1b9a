// Quarters as a PMO reviews them: calendar quarters, the current one up to today.
import { addDays, type LocalDay } from '@amb/domain/local-days';

export function quarterOf(day: LocalDay): { from: LocalDay; to: LocalDay; label: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3);
  const from = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const next = q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1), label: `Q${q + 1} ${y}` };
}

/** This quarter from its first day up to today, or the previous quarter whole. */
export function quarterPeriod(
  today: LocalDay,
  which: 'this' | 'last',
): { from: LocalDay; to: LocalDay; label: string } {
  const current = quarterOf(today);
  if (which === 'this') return { ...current, to: today };
  return quarterOf(addDays(current.from, -1));
}
