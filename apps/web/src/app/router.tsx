import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { BoardPage } from '../features/board/board-page';
import { ArchivedCards } from '../features/cards/archived-cards';
import { CardPanel } from '../features/cards/card-panel';
import { ColumnsDialog } from '../features/columns/columns-dialog';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { ImportPage } from '../features/imports/import-page';
import { SprintPage } from '../features/sprint/sprint-page';
import { HomeRedirect } from './home-redirect';
import { Layout } from './layout';
import { RequireSignIn } from './require-sign-in';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', element: <SignUpPage /> },
  {
    element: (
      <RequireSignIn>
        <Layout />
      </RequireSignIn>
    ),
    children: [
      { path: '/', element: <HomeRedirect /> },
      // The card panel opens over the board (the board page renders an <Outlet />), so a card has a shareable URL.
      {
        path: '/teams/:teamId/board',
        element: <BoardPage />,
        children: [
          { path: 'cards/:cardId', element: <CardPanel /> },
          { path: 'columns', element: <ColumnsDialog /> },
          { path: 'archived', element: <ArchivedCards /> },
        ],
      },
      { path: '/teams/:teamId/sprint', element: <SprintPage /> },
      { path: '/teams/:teamId/import', element: <ImportPage /> },
      { path: '/dashboard', element: <DashboardPage /> },
    ],
  },
]);
