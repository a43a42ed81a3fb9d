import { Navigate, type RouteObject } from 'react-router';
import { LoadingState } from './components/LoadingState.tsx';
import { NotFoundPage } from './components/NotFoundPage.tsx';
import { RouteError } from './components/RouteError.tsx';
import { RequireSession, SignInPage, SsoRefusedPage } from './features/auth/index.ts';

/**
 * The app's routes. Sign-in and the shell ship in the first bundle; each feature page is a lazy
 * chunk fetched on first visit. New features add their pages under the session route.
 */
export const routes: RouteObject[] = [
  { path: '/login', Component: SignInPage, ErrorBoundary: RouteError },
  { path: '/login/refused', Component: SsoRefusedPage, ErrorBoundary: RouteError },
  {
    // Outside the session route: a wall screen may hold only a dashboard token, no user session.
    path: '/dashboard',
    ErrorBoundary: RouteError,
    HydrateFallback: () => <LoadingState label="Loading Wheelhouse…" className="h-full" />,
    lazy: async () => ({
      Component: (await import('./features/dashboard/DashboardRoute.tsx')).DashboardRoute,
    }),
  },
  {
    Component: RequireSession,
    ErrorBoundary: RouteError,
    HydrateFallback: () => <LoadingState label="Loading Wheelhouse…" className="h-full" />,
    children: [
      { index: true, element: <Navigate to="/clusters" replace /> },
      {
        path: 'clusters',
        lazy: async () => ({
          Component: (await import('./features/clusters/ClustersPage.tsx')).ClustersPage,
        }),
      },
      {
        path: 'clusters/new',
        lazy: async () => ({
          Component: (await import('./features/lifecycle/create/CreateClusterPage.tsx'))
            .CreateClusterPage,
        }),
      },
      {
        path: 'clusters/:accountId/:region/:name',
        lazy: async () => ({
          Component: (await import('./features/clusters/ClusterDetailPage.tsx')).ClusterDetailPage,
        }),
      },
      {
        path: 'clusters/:accountId/:region/:name/nodegroups/:nodegroup',
        lazy: async () => ({
          Component: (await import('./features/compute/nodegroup/NodegroupPage.tsx')).NodegroupPage,
        }),
      },
      {
        path: 'clusters/:accountId/:region/:name/pods/:namespace/:pod',
        lazy: async () => ({
          Component: (await import('./features/resources/pod/PodPage.tsx')).PodPage,
        }),
      },
      {
        path: 'clusters/:accountId/:region/:name/objects/:resource/:namespace/:object',
        lazy: async () => ({
          Component: (await import('./features/resources/objects/ObjectPage.tsx')).ObjectPage,
        }),
      },
      {
        path: 'clusters/:accountId/:region/:name/objects/:resource/:object',
        lazy: async () => ({
          Component: (await import('./features/resources/objects/ObjectPage.tsx')).ObjectPage,
        }),
      },
      {
        path: 'audit',
        lazy: async () => ({
          Component: (await import('./features/audit/AuditPage.tsx')).AuditPage,
        }),
      },
      {
        path: 'cost',
        lazy: async () => ({
          Component: (await import('./features/cost/CostPage.tsx')).CostPage,
        }),
      },
      {
        path: 'addons',
        lazy: async () => ({
          Component: (await import('./features/addons/AddonsPage.tsx')).AddonsPage,
        }),
      },
      {
        path: 'upgrades',
        lazy: async () => ({
          Component: (await import('./features/insights/UpgradeReadinessPage.tsx'))
            .UpgradeReadinessPage,
        }),
      },
      {
        path: 'posture',
        lazy: async () => ({
          Component: (await import('./features/posture/PosturePage.tsx')).PosturePage,
        }),
      },
      {
        path: 'connected',
        lazy: async () => ({
          Component: (await import('./features/connected/ConnectedClustersPage.tsx'))
            .ConnectedClustersPage,
        }),
      },
      {
        path: 'connected/register',
        lazy: async () => ({
          Component: (await import('./features/connected/register/RegisterClusterPage.tsx'))
            .RegisterClusterPage,
        }),
      },
      { path: 'settings', element: <Navigate to="/settings/dashboard-tokens" replace /> },
      {
        path: 'settings/dashboard-tokens',
        lazy: async () => ({
          Component: (await import('./features/dashboard/tokens/DashboardTokensPage.tsx'))
            .DashboardTokensPage,
        }),
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
];
