// Dependencies between teams: which card waits on which, and when a wait puts a date at risk.
import { addDays, daysBetween, type LocalDay } from './local-days';

/** "Near": the dependent card's date falls within this many working days (Monday to Friday) from today, or is past. */
export const NEAR_WORKING_DAYS = 5;

export type DependencyLinkKind = 'DEPENDS_ON' | 'BLOCKS';

/**
 * Which card waits on which. "A depends on B" and "B blocks A" both say A waits on B; a relates-to link says
 * neither, so it is no dependency.
 */
export function dependencyEnds(
  kind: DependencyLinkKind,
  fromCardId: string,
  toCardId: string,
): { waitingId: string; onId: string } {
  return kind === 'DEPENDS_ON' ? { waitingId: fromCardId, onId: toCardId } : { waitingId: toCardId, onId: fromCardId };
}

/** The date the waiting card must meet: the earlier of its due date and the last day of its open sprint. */
export function dependencyDeadline(dueDay: LocalDay | null, sprintEndDay: LocalDay | null): LocalDay | null {
  if (dueDay === null) return sprintEndDay;
  if (sprintEndDay === null) return dueDay;
  return dueDay < sprintEndDay ? dueDay : sprintEndDay;
}

const isWeekday = (day: LocalDay) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/**
 * The last day that is still "near" seen from `today`: `workingDays` working days after today (a Monday is five
 * working days before the next Monday; from a Saturday they end on the Friday after). A deadline on or before
 * it, past deadlines included, is near. The database compares deadlines with this one day, so the rule lives here.
 */
export function nearHorizon(today: LocalDay, workingDays = NEAR_WORKING_DAYS): LocalDay {
  let day = today;
  for (let left = workingDays; left > 0;) {
    day = addDays(day, 1);
    if (isWeekday(day)) left--;
  }
  return day;
}

/**
 * Working days from today until the deadline: 0 when it is today, 1 when it is the next working day, negative
 * (in working days) when it has passed. A deadline on a weekend counts as the working day before it.
 */
export function workingDaysUntil(today: LocalDay, deadline: LocalDay): number {
  const sign = deadline >= today ? 1 : -1;
  const [a, b] = sign === 1 ? [today, deadline] : [deadline, today];
  // Whole weeks hold five working days each; only the few days left over are looked at one by one, so a deadline
  // in the year 9999 costs no more than one next week.
  const days = daysBetween(a, b);
  const weeks = Math.floor(days / 7);
  let n = weeks * 5;
  for (let d = addDays(a, weeks * 7 + 1), i = weeks * 7; i < days; d = addDays(d, 1), i++) if (isWeekday(d)) n++;
  return sign * n;
}

export interface DependencyState {
  /** The card waited on is in a done column. */
  dependedOnDone: boolean;
  /** From `dependencyDeadline`: null when the waiting card has neither a due date nor an open sprint. */
  deadline: LocalDay | null;
}

/** At risk: the card waited on is not done while the waiting card's deadline is near or past. */
export function isDependencyAtRisk(state: DependencyState, today: LocalDay, workingDays = NEAR_WORKING_DAYS): boolean {
  return !state.dependedOnDone && state.deadline !== null && state.deadline <= nearHorizon(today, workingDays);
}
