import { createContext, useContext, type ReactNode } from 'react';
import { Link } from 'react-router';

/** How the dashboard is shown: on a wall (kiosk) and whether its tiles may link to other pages. */
export interface DashboardMode {
  kiosk: boolean;
  /** False on a dashboard-token screen: every other page would send the viewer to sign-in. */
  linked: boolean;
}

const DashboardModeContext = createContext<DashboardMode>({ kiosk: false, linked: true });

export const DashboardModeProvider = DashboardModeContext.Provider;

export function useDashboardMode(): DashboardMode {
  return useContext(DashboardModeContext);
}

/** A link to the page behind a tile, or the same text without one on a token screen. */
export function TileLink({
  to,
  className,
  children,
}: {
  to: string;
  className?: string;
  children: ReactNode;
}) {
  const { linked } = useDashboardMode();
  if (!linked) {
    return <span className={className}>{children}</span>;
  }
  return (
    <Link to={to} className={className}>
      {children}
    </Link>
  );
}
