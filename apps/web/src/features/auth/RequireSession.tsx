import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../api/session.ts';
import { AppShell } from '../../components/AppShell.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { FleetSearch } from '../search/index.ts';
import { signInPath } from './nextPath.ts';

/**
 * Layout route for every signed-in page: waits for the session, sends anyone without one to
 * sign-in (remembering where they were in `?next=`), and frames the page in the AppShell.
 * A 401 from any request nulls the session (see queryClient.ts), which lands here too.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <LoadingState label="Checking your session…" className="h-full" />;
  if (session.isError) {
    return (
      <div className="mx-auto max-w-xl p-8">
        <ErrorBanner
          title="Wheelhouse could not check your session"
          onRetry={() => void session.refetch()}
          retrying={session.isFetching}
        >
          {session.error.message}
        </ErrorBanner>
      </div>
    );
  }
  if (!session.data) return <Navigate to={signInPath(location)} replace />;
  return (
    <AppShell
      session={session.data}
      search={<FleetSearch className="text-topbar-fg hover:bg-white/10" />}
    >
      <Outlet />
    </AppShell>
  );
}
