// The dashboard's filters live in the URL (period, time zone, teams, sort), so a view can be bookmarked and shared.
import { addDays, localDay } from '@amb/domain/local-days';

/** A period of calendar days (both included) in a time zone, as the portfolio routes take it. */
export interface Period {
  from: string;
  to: string;
  tz: string;
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export { withParams } from './url-params';

export const DEFAULT_DAYS = 90;

export function readPeriod(params: URLSearchParams): Period {
  const tz = params.get('tz') || browserTimeZone();
  const today = localDay(Date.now(), tz);
  const to = params.get('to') || today;
  const from = params.get('from') || addDays(to, -(DEFAULT_DAYS - 1));
  return { from, to, tz };
}

/** The last `days` days up to today. */
export function lastDays(days: number, tz: string): Pick<Period, 'from' | 'to'> {
  const today = localDay(Date.now(), tz);
  return { from: addDays(today, -(days - 1)), to: today };
}

export function readTeams(params: URLSearchParams): string[] {
  return (params.get('teams') ?? '').split(',').filter(Boolean);
}

/** The period part of the URL, to carry from the overview into a team's flow page and back (with the team choice, if any). */
export function periodSearch(period: Period, teams: string[] = []): string {
  return new URLSearchParams({
    from: period.from,
    to: period.to,
    tz: period.tz,
    ...(teams.length ? { teams: teams.join(',') } : {}),
  }).toString();
}

/** The team choice alone, to carry it between the cross-team pages: `?teams=a,b`, or nothing for every team. */
export const teamsSearch = (teams: string[]) =>
  teams.length ? `?${new URLSearchParams({ teams: teams.join(',') })}` : '';
