// A small iCalendar (RFC 5545) writer: enough for a subscribed calendar of all-day events.

/** One all-day event. `start` is optional so a card's own start day can be passed when cards have one. */
export interface AllDayEvent {
  uid: string;
  /** The last day, `YYYY-MM-DD` (the event ends at the start of the day after). */
  day: string;
  /** The first day, `YYYY-MM-DD`; the event is one day long without it. */
  start?: string;
  summary: string;
  description?: string;
  url?: string;
  /** When the event last changed (DTSTAMP): the same bytes for the same cards, so an unchanged feed answers 304. */
  changedAt: Date;
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line at 75 octets (RFC 5545 3.1): each further line starts with a space. A UTF-8 character is never
 * split between two lines, which some calendar apps would show as garbage.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; each further one 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (day: string) => day.replace(/-/g, '');
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stamp = (at: Date) => `${at.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** A whole calendar: its name and its events, with CRLF line ends and folded lines. */
export function writeCalendar({ name, events }: { name: string; events: AllDayEvent[] }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Agile Marketing Board//Calendar feed//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp(event.changedAt)}`,
      `DTSTART;VALUE=DATE:${basicDate(event.start ?? event.day)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(event.day))}`,
      `SUMMARY:${escapeText(event.summary)}`,
    );
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
