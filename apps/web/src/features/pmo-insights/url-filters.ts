// The PMO views keep their filters in the URL, so a view can be bookmarked and brought to a review.
import type { SetURLSearchParams } from 'react-router';

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Sets or clears (null, '') some parameters, keeping the others, without adding a history entry. */
export function updateSearch(params: URLSearchParams, setParams: SetURLSearchParams, changes: Record<string, string | null>) {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  setParams(next, { replace: true });
}
