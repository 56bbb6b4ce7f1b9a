import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-client';

// One cache of server state for the whole app. Live board events invalidate what they touch, so data does not
// need to be refetched on every window focus; a 4xx is an answer, not a hiccup, and is not retried.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    },
  },
});
