import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';

interface Props<T> {
  query: UseQueryResult<T>;
  /** What is loading, in the product's words: "Loading the card…". */
  loading: string;
  /** What failed: "This card could not be loaded". The error's own message follows. */
  failed: string;
  /** Shown instead of `children` when the data is there but empty (say why it is empty). */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

/**
 * The one way a screen shows a query's loading, error and empty states: loading is a polite status, a
 * failure an alert with a retry, and data already on screen stays while it refreshes.
 */
export function QueryState<T>({ query, loading, failed, empty, isEmpty, children }: Props<T>) {
  if (query.data !== undefined) {
    if (empty !== undefined && isEmpty?.(query.data)) return <div className="query-empty muted">{empty}</div>;
    return <>{children(query.data)}</>;
  }
  if (query.isError) {
    return (
      <div role="alert" className="query-error">
        <p>
          {failed}: {query.error.message}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p role="status" className="query-loading muted">
      {loading}
    </p>
  );
}
