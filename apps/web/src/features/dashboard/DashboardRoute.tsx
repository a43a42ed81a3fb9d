import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { useDashboardSession } from '../../api/dashboard.ts';
import { useSession } from '../../api/session.ts';
import { AppShell } from '../../components/AppShell.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { signInPath } from '../auth/index.ts';
import { DashboardPage } from './DashboardPage.tsx';
import { useKioskMode } from './useKioskMode.ts';
import { useTokenExchange } from './useTokenExchange.ts';

function BadLink({ error, signedIn }: { error: unknown; signedIn: boolean }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 p-8">
      <title>Dashboard · Wheelhouse</title>
      <h1 className="text-xl font-semibold">This dashboard link does not work</h1>
      <ErrorBanner title="The dashboard token was refused">
        <ProblemDetails error={error} />
      </ErrorBanner>
      <p className="text-fg-muted">
        Ask an administrator for a new link (Settings › Dashboard tokens), or sign in.
      </p>
      <p>
        {signedIn ? (
          <Link to="/dashboard" className="btn-primary no-underline">
            Open the dashboard
          </Link>
        ) : (
          <Link to="/login?next=%2Fdashboard" className="btn-primary no-underline">
            Sign in
          </Link>
        )}
      </p>
    </div>
  );
}

/**
 * /dashboard[?kiosk=1][&token=…]: the fleet dashboard, for a signed-in user or for a wall screen
 * holding only a dashboard token. A `?token=` link is traded for the dashboard cookie first. A user
 * session gets the usual shell (none in kiosk mode); a dashboard session gets the tiles alone; with
 * neither, sign-in. Every other page still needs a user session.
 */
export function DashboardRoute() {
  const [params] = useSearchParams();
  const location = useLocation();
  const kiosk = params.get('kiosk') === '1';
  useKioskMode(kiosk);
  const exchange = useTokenExchange();
  const session = useSession();
  const dashboardSession = useDashboardSession(!exchange.pending && session.data === null);

  if (exchange.pending) return <LoadingState label="Opening the dashboard…" className="h-full" />;
  if (exchange.error) return <BadLink error={exchange.error} signedIn={!!session.data} />;
  if (session.isPending) return <LoadingState label="Checking your session…" className="h-full" />;
  if (session.isError) {
    return (
      <div className="mx-auto max-w-xl p-8">
        <ErrorBanner
          title="Wheelhouse could not check your session"
          onRetry={() => void session.refetch()}
          retrying={session.isFetching}
        >
          <ProblemDetails error={session.error} />
        </ErrorBanner>
      </div>
    );
  }
  if (session.data) {
    return kiosk ? (
      <main className="min-h-full">
        <DashboardPage kiosk />
      </main>
    ) : (
      <AppShell session={session.data}>
        <DashboardPage kiosk={false} />
      </AppShell>
    );
  }
  if (dashboardSession.isPending) {
    return <LoadingState label="Checking your session…" className="h-full" />;
  }
  if (dashboardSession.data) {
    // A wall screen without a user: no shell (it has no user, and its links lead to sign-in).
    return (
      <main className="min-h-full">
        <DashboardPage kiosk={kiosk} viewer={dashboardSession.data.name} />
      </main>
    );
  }
  if (dashboardSession.isError) {
    return (
      <div className="mx-auto max-w-xl p-8">
        <ErrorBanner
          title="Wheelhouse could not check this screen's dashboard session"
          onRetry={() => void dashboardSession.refetch()}
          retrying={dashboardSession.isFetching}
        >
          <ProblemDetails error={dashboardSession.error} />
        </ErrorBanner>
      </div>
    );
  }
  return <Navigate to={signInPath(location)} replace />;
}
