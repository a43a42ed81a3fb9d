import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate, useNavigation } from 'react-router';
import type { SessionInfo } from '@wheelhouse/contract';
import { useSignOut } from '../api/session.ts';
import { Chip } from './Chip.tsx';
import { navItemsFor } from './navItems.ts';
import { ThemeToggle } from './ThemeToggle.tsx';

const ROLE_TONES = { admin: 'danger', operator: 'info', auditor: 'pending' } as const;

/** The signed-in frame: top bar (product, navigation, user, theme, sign-out) and the main region. */
export function AppShell({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const navigation = useNavigation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  useFocusHeadingOnNavigate();

  return (
    <div className="flex h-full flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="flex h-12 shrink-0 items-center gap-6 bg-topbar px-4 text-topbar-fg">
        <Link
          to="/clusters"
          className="flex items-center gap-2 font-semibold text-topbar-fg no-underline"
        >
          <img src="/favicon.svg" alt="" className="size-6" />
          Wheelhouse
        </Link>
        <nav aria-label="Main">
          <ul className="flex items-center gap-1">
            {navItemsFor(session.role).map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className={({ isActive }) =>
                    `rounded-md px-3 py-1.5 text-sm font-medium no-underline ${
                      isActive
                        ? 'bg-white/15 text-topbar-fg'
                        : 'text-topbar-muted hover:bg-white/10 hover:text-topbar-fg'
                    }`
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3">
          {session.backend === 'sandbox' && (
            <Chip
              tone="warning"
              title="Wheelhouse is showing the simulated AWS world, not real accounts"
            >
              Sandbox
            </Chip>
          )}
          <p className="flex items-center gap-2 text-sm">
            <span className="sr-only">{'Signed in as '}</span>
            <span>{session.user}</span>
            <span className="sr-only">{', role '}</span>
            <Chip tone={ROLE_TONES[session.role]}>{session.role}</Chip>
          </p>
          <ThemeToggle className="text-topbar-fg hover:bg-white/10" />
          <button
            type="button"
            className="rounded-md px-2.5 py-1.5 text-sm font-medium text-topbar-fg hover:bg-white/10 disabled:opacity-60"
            disabled={signOut.isPending}
            onClick={() =>
              signOut.mutate(undefined, { onSuccess: () => navigate('/login', { replace: true }) })
            }
          >
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>
      <div
        aria-hidden="true"
        className={`h-0.5 shrink-0 ${navigation.state === 'loading' ? 'animate-pulse bg-accent' : 'bg-transparent'}`}
      />
      {signOut.isError && (
        <p role="alert" className="bg-danger-bg px-4 py-2 text-danger-fg">
          Sign-out failed: {signOut.error.message}
        </p>
      )}
      <main
        id="main"
        className="min-h-0 flex-1 overflow-auto"
        aria-busy={navigation.state === 'loading'}
      >
        {children}
      </main>
    </div>
  );
}

/** After moving to another page, put keyboard and screen-reader focus on its heading. */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }, [pathname]);
}
