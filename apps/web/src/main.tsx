import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { queryClient } from './app/query-client';
import { teamsQuery } from './app/teams';
import { router } from './app/router';
import { useAuthStore } from './app/auth-store';
import { onUnauthenticated } from './lib/api-client';
import { followTheme } from './lib/theme';
import './styles.css';

followTheme();
onUnauthenticated(() => useAuthStore.getState().forget());
void useAuthStore.getState().load();
// The teams are needed by every signed-in page; asked for beside "who am I" rather than after it. The pages for
// people signed out (sign-in, sign-up, an invitation) ask for nothing that needs a session.
if (!/^\/(sign-in|sign-up|invitations\/)/.test(window.location.pathname)) void queryClient.prefetchQuery(teamsQuery);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
