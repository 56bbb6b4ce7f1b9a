// Filters and choices live in the address, so a view can be reloaded, bookmarked and shared. These two helpers are
// how every screen reads and writes them: an empty value is no parameter at all.

/** The address's parameters with some changed: null or '' removes a parameter. */
export function withParams(params: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  return next;
}

/** A query string of the values that are set (undefined and '' are left out). */
export function queryString(params: Record<string, string | number | undefined>): string {
  return new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
}
