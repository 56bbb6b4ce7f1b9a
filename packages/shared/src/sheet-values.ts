// Numbers and dates as spreadsheets write them in the person's own locale: "2,5" with a decimal comma, and dates
// day first (15.12.2026), month first (12/15/2026) or ISO (2026-12-15). One reader for the preview and the server.

export const dateFormats = ['YYYY-MM-DD', 'DD.MM.YYYY', 'MM/DD/YYYY'] as const;
export type DateFormat = (typeof dateFormats)[number];

export const dateFormatNames: Record<DateFormat, string> = {
  'YYYY-MM-DD': 'Year first (2026-12-15)',
  'DD.MM.YYYY': 'Day first (15.12.2026, 15/12/2026)',
  'MM/DD/YYYY': 'Month first (12/15/2026)',
};

const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
// Day-first dates are written with dots, slashes or dashes; a two-digit year is read as 20xx.
const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/;
const monthFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year < 100 ? 2000 + year : year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.toISOString() : null;
}

/** The date a text holds in the given format, as an ISO timestamp at midnight UTC; null when it holds none. */
export function readDate(text: string, format: DateFormat): string | null {
  const value = text.trim();
  const y = iso.exec(value);
  // An ISO date is unambiguous, whatever the rest of the column holds.
  if (y) return isoDate(Number(y[1]), Number(y[2]), Number(y[3]));
  if (format === 'DD.MM.YYYY') {
    const m = dayFirst.exec(value);
    return m ? isoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
  }
  if (format === 'MM/DD/YYYY') {
    const m = monthFirst.exec(value);
    return m ? isoDate(Number(m[3]), Number(m[1]), Number(m[2])) : null;
  }
  return null;
}

export interface DateFormatGuess {
  format: DateFormat;
  /** Another format reads every date the column holds too (05/06/2026): the person should choose. */
  ambiguous: boolean;
}

/**
 * The format a column of dates is most likely written in: the one that reads the most of its values (day first
 * when two read as many, as Excel writes outside the United States with dots, and month first with slashes).
 */
export function detectDateFormat(values: readonly string[]): DateFormatGuess {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.every((v) => iso.test(v))) return { format: 'YYYY-MM-DD', ambiguous: false };
  const read = (format: DateFormat) => filled.filter((v) => readDate(v, format) !== null).length;
  const dotted = filled.some((v) => /^\d{1,2}\.\d{1,2}\./.test(v));
  const order: DateFormat[] = dotted
    ? ['DD.MM.YYYY', 'MM/DD/YYYY', 'YYYY-MM-DD']
    : ['MM/DD/YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD'];
  const counts = new Map(order.map((f) => [f, read(f)]));
  const best = order.reduce((a, b) => (counts.get(b)! > counts.get(a)! ? b : a));
  const slashed = filled.some((v) => monthFirst.test(v));
  const ambiguous =
    slashed && order.some((f) => f !== best && f !== 'YYYY-MM-DD' && counts.get(f) === counts.get(best));
  return { format: best, ambiguous };
}

/** A number written with a decimal point or a decimal comma ("2,5"); null when the text is not one. */
export function readNumber(text: string): number | null {
  const value = text.trim();
  if (!/^-?\d+(?:[.,]\d+)?$/.test(value)) return null;
  return Number(value.replace(',', '.'));
}
