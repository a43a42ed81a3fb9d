import { useEffect } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { isUnauthenticated } from '../../api/client.ts';
import { useFleetDashboard } from '../../api/dashboard.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import {
  ConnectedPendingTile,
  NodegroupsTile,
  PodsTile,
  SupportTile,
  UpdatesTile,
} from './AttentionTiles.tsx';
import { StatusTile, VersionTile } from './ClusterTiles.tsx';
import { DashboardErrors } from './DashboardErrors.tsx';
import { DashboardModeProvider } from './dashboardMode.tsx';
import { UpdatedAgo } from './UpdatedAgo.tsx';

/**
 * The fleet dashboard's content: tiles that refresh every 30 s. In kiosk mode it fills the screen
 * and leaves out everything but the numbers; `viewer` names a dashboard-token session, whose tiles
 * do not link (every other page would ask it to sign in).
 */
export function DashboardPage({ kiosk, viewer }: { kiosk: boolean; viewer?: string }) {
  const fleet = useFleetDashboard();
  const queryClient = useQueryClient();

  // A revoked or expired dashboard token: forget the wall-screen session so the route asks again.
  const unauthenticated = isUnauthenticated(fleet.error);
  useEffect(() => {
    if (unauthenticated) queryClient.setQueryData(queryKeys.dashboard.session(), null);
  }, [unauthenticated, queryClient]);

  let body;
  if (fleet.isPending) {
    body = <LoadingState label="Loading the fleet…" />;
  } else if (!fleet.data) {
    body = (
      <ErrorBanner
        title="Could not load the dashboard"
        onRetry={() => void fleet.refetch()}
        retrying={fleet.isFetching}
      >
        <ProblemDetails error={fleet.error} />
      </ErrorBanner>
    );
  } else {
    const dashboard = fleet.data;
    body = (
      <>
        <DashboardErrors errors={dashboard.errors} />
        <div
          className={
            kiosk
              ? // The wall: every tile on one screen, rows sharing the height (long lists page).
                'grid min-h-0 flex-1 auto-rows-[minmax(0,1fr)] grid-cols-[repeat(auto-fit,minmax(min(100%,20rem),1fr))] gap-4'
              : 'grid grid-cols-[repeat(auto-fit,minmax(min(100%,24rem),1fr))] content-start gap-4'
          }
        >
          <StatusTile dashboard={dashboard} />
          <VersionTile dashboard={dashboard} />
          <SupportTile dashboard={dashboard} />
          <UpdatesTile dashboard={dashboard} />
          <NodegroupsTile dashboard={dashboard} />
          <PodsTile dashboard={dashboard} />
          <ConnectedPendingTile dashboard={dashboard} />
        </div>
      </>
    );
  }

  return (
    <DashboardModeProvider value={{ kiosk, linked: !viewer }}>
      <div
        className={
          kiosk
            ? // A wall screen cannot scroll: the page is exactly the screen.
              'flex h-dvh flex-col gap-4 overflow-hidden bg-page p-6'
            : 'mx-auto flex max-w-screen-2xl flex-col gap-4 p-4'
        }
      >
        <title>Dashboard · Wheelhouse</title>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <h1 className={kiosk ? 'text-2xl font-semibold' : 'text-xl font-semibold'}>
            Fleet dashboard
          </h1>
          {viewer && <p className="text-sm text-fg-muted">Wall screen “{viewer}”</p>}
          <div className="ml-auto flex items-center gap-4">
            <UpdatedAgo at={fleet.dataUpdatedAt} failed={fleet.isRefetchError} />
            {!kiosk && (
              <Link to="/dashboard?kiosk=1" className="text-sm font-medium">
                Kiosk mode
              </Link>
            )}
          </div>
        </div>
        {body}
      </div>
    </DashboardModeProvider>
  );
}
