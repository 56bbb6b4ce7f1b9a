/** A calendar day (`YYYY-MM-DD` or a sprint date) as "7 Dec", read in UTC so it never shifts a day. */
export const shortDay = (day: string) =>
  new Date(day.length === 10 ? `${day}T00:00:00Z` : day).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
export const period = (start: string, end: string) => `${shortDay(start)} – ${shortDay(end)}`;
