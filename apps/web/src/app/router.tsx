import { createBrowserRouter, Navigate } from 'react-router';
import { BoardPage } from '../features/board/board-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { HomeRedirect } from './home-redirect';
import { Layout } from './layout';
import { NotFoundPage, RouteErrorPage } from './not-found';
import { RequireSignIn } from './require-sign-in';

/**
 * Sign-in and the board are in the first download; every other screen loads when it is opened (`lazy`), so
 * the first page stays small as screens are added. A new screen copies one of the `lazy` lines below.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/sign-up',
    errorElement: <RouteErrorPage />,
    lazy: async () => ({ Component: (await import('../features/auth/sign-up-page')).SignUpPage }),
  },
  {
    path: '/invitations/:token',
    errorElement: <RouteErrorPage />,
    lazy: async () => ({
      Component: (await import('../features/invitations/accept-invitation-page')).AcceptInvitationPage,
    }),
  },
  {
    element: (
      <RequireSignIn>
        <Layout />
      </RequireSignIn>
    ),
    // A page that fails shows a message inside the frame (top bar kept); an unknown address, the not-found page.
    errorElement: <RouteErrorPage />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { path: '/', element: <HomeRedirect /> },
          // The card panel opens over the board (the board page renders an <Outlet />), so a card has a shareable URL.
          {
            path: '/teams/:teamId/board',
            element: <BoardPage />,
            children: [
              {
                path: 'cards/:cardId',
                lazy: async () => ({ Component: (await import('../features/cards/card-panel')).CardPanel }),
              },
              {
                path: 'columns',
                lazy: async () => ({ Component: (await import('../features/columns/columns-dialog')).ColumnsDialog }),
              },
              {
                path: 'archived',
                lazy: async () => ({ Component: (await import('../features/cards/archived-cards')).ArchivedCards }),
              },
            ],
          },
          {
            path: '/teams/:teamId/sprint',
            lazy: async () => ({ Component: (await import('../features/sprint/sprint-page')).SprintPage }),
          },
          {
            path: '/teams/:teamId/sprints/:sprintId/retrospective',
            lazy: async () => ({
              Component: (await import('../features/retrospective/retrospective-page')).RetrospectivePage,
            }),
          },
          {
            path: '/teams/:teamId/standup',
            lazy: async () => ({ Component: (await import('../features/standup/standup-page')).StandupPage }),
          },
          {
            path: '/teams/:teamId/calendar',
            lazy: async () => ({ Component: (await import('../features/calendar/calendar-page')).CalendarPage }),
          },
          {
            path: '/calendar',
            lazy: async () => ({ Component: (await import('../features/calendar/calendar-page')).CalendarPage }),
          },
          {
            path: '/teams/:teamId/planning',
            lazy: async () => ({ Component: (await import('../features/sprint/planning-page')).PlanningPage }),
          },
          {
            path: '/dashboard',
            lazy: async () => ({ Component: (await import('../features/dashboard/dashboard-page')).DashboardPage }),
          },
          {
            path: '/dashboard/stages',
            lazy: async () => ({ Component: (await import('../features/dashboard/stages-page')).StagesPage }),
          },
          {
            path: '/campaigns',
            lazy: async () => ({ Component: (await import('../features/campaigns/campaigns-page')).CampaignsPage }),
          },
          {
            path: '/campaigns/:campaignId',
            lazy: async () => ({ Component: (await import('../features/campaigns/campaign-page')).CampaignPage }),
          },
          {
            path: '/pmo/obstacles',
            lazy: async () => ({ Component: (await import('../features/obstacles/obstacles-page')).ObstaclesPage }),
          },
          {
            path: '/welcome',
            lazy: async () => ({ Component: (await import('../features/admin/first-team-page')).FirstTeamPage }),
          },
          {
            path: '/account/notifications',
            lazy: async () => ({
              Component: (await import('../features/notifications/preferences-page')).NotificationPreferencesPage,
            }),
          },
          {
            path: '/account',
            lazy: async () => ({ Component: (await import('../features/account/account-page')).AccountPage }),
          },
          {
            path: '/teams/:teamId/members',
            lazy: async () => ({ Component: (await import('../features/admin/team-members-page')).TeamMembersPage }),
          },
          {
            path: '/admin',
            lazy: async () => ({ Component: (await import('../features/admin/admin-layout')).AdminLayout }),
            children: [
              { index: true, element: <Navigate to="/admin/teams" replace /> },
              {
                path: 'teams',
                lazy: async () => ({ Component: (await import('../features/admin/teams-page')).TeamsPage }),
              },
              {
                path: 'teams/:teamId',
                lazy: async () => ({
                  Component: (await import('../features/admin/team-members-page')).TeamMembersPage,
                }),
              },
              {
                path: 'people',
                lazy: async () => ({ Component: (await import('../features/admin/people-page')).PeoplePage }),
              },
              {
                path: 'sign-up',
                lazy: async () => ({ Component: (await import('../features/admin/sign-up-page')).SignUpSettingsPage }),
              },
              {
                path: 'audit',
                lazy: async () => ({ Component: (await import('../features/admin/audit-page')).AuditPage }),
              },
            ],
          },
          {
            path: '/dashboard/teams/:teamId',
            lazy: async () => ({ Component: (await import('../features/dashboard/team-flow-page')).default }),
          },
          {
            path: '/pmo/dependencies',
            lazy: async () => ({ Component: (await import('../features/pmo-insights/dependencies-page')).default }),
          },
          {
            path: '/pmo/dependencies/list',
            lazy: async () => ({ Component: (await import('../features/pmo-insights/dependency-list-page')).default }),
          },
          {
            path: '/pmo/principles',
            lazy: async () => ({
              Component: (await import('../features/pmo-insights/principle-coverage-page')).default,
            }),
          },
          {
            path: '/teams/:teamId/import',
            lazy: async () => ({ Component: (await import('../features/imports/import-page')).ImportPage }),
          },
          {
            path: '/teams/:teamId/webhooks',
            lazy: async () => ({ Component: (await import('../features/webhooks/webhooks-page')).WebhooksPage }),
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
