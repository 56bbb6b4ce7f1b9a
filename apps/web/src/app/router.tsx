import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page';
import { BoardPage } from '../features/board/board-page';
import { HomeRedirect } from './home-redirect';
import { Layout } from './layout';
import { RequireSignIn } from './require-sign-in';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: (
      <RequireSignIn>
        <Layout />
      </RequireSignIn>
    ),
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/teams/:teamId/board', element: <BoardPage /> },
    ],
  },
]);
