import { createBrowserRouter, Navigate } from 'react-router';
import { AccountPage } from '../features/account/account-page';
import { AdminLayout } from '../features/admin/admin-layout';
import { AuditPage } from '../features/admin/audit-page';
import { FirstTeamPage } from '../features/admin/first-team-page';
import { PeoplePage } from '../features/admin/people-page';
import { SignUpSettingsPage } from '../features/admin/sign-up-page';
import { TeamMembersPage } from '../features/admin/team-members-page';
import { TeamsPage } from '../features/admin/teams-page';
import { AcceptInvitationPage } from '../features/invitations/accept-invitation-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { BoardPage } from '../features/board/board-page';
import { ArchivedCards } from '../features/cards/archived-cards';
import { CardPanel } from '../features/cards/card-panel';
import { ColumnsDialog } from '../features/columns/columns-dialog';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { SprintPage } from '../features/sprint/sprint-page';
import { HomeRedirect } from './home-redirect';
import { Layout } from './layout';
import { RequireSignIn } from './require-sign-in';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', element: <SignUpPage /> },
  { path: '/invitations/:token', element: <AcceptInvitationPage /> },
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
      { path: '/dashboard', element: <DashboardPage /> },
      { path: '/welcome', element: <FirstTeamPage /> },
      { path: '/account', element: <AccountPage /> },
      { path: '/teams/:teamId/members', element: <TeamMembersPage /> },
      {
        path: '/admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: <Navigate to="/admin/teams" replace /> },
          { path: 'teams', element: <TeamsPage /> },
          { path: 'teams/:teamId', element: <TeamMembersPage /> },
          { path: 'people', element: <PeoplePage /> },
          { path: 'sign-up', element: <SignUpSettingsPage /> },
          { path: 'audit', element: <AuditPage /> },
        ],
      },
    ],
  },
]);
