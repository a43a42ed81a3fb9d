import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate, useNavigation } from 'react-router';
import type { SessionInfo } from '@wheelhouse/contract';
import { useSignOut } from '../api/session.ts';
import { Chip } from './Chip.tsx';
import { CloseIcon, MenuIcon } from './Icons.tsx';
import { navItemsFor } from './navItems.ts';
import { ThemeToggle } from './ThemeToggle.tsx';

const ROLE_TONES = { admin: 'danger', operator: 'info', auditor: 'pending' } as const;

/**
 * The signed-in frame: top bar (product, navigation, user, theme, sign-out) and the main region.
 * The document scrolls (main is not a scroll box). Below 1024 px the navigation, user, theme and
 * sign-out fold into a menu opened by the "Menu" button, so nothing overflows a phone's width.
 */
export function AppShell({
  session,
  search,
  children,
}: {
  session: SessionInfo;
  /** The fleet search button, always in the bar (features/search; components know no feature). */
  search?: ReactNode;
  children: ReactNode;
}) {
  const navigation = useNavigation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  useFocusHeadingOnNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  // Following a link from the menu closes it (the page underneath is what the user asked for).
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <div className="flex min-h-full flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="flex shrink-0 flex-wrap items-center gap-x-6 bg-topbar px-4 text-topbar-fg lg:h-12 lg:flex-nowrap">
        <Link
          to="/clusters"
          className="flex h-12 items-center gap-2 font-semibold text-topbar-fg no-underline"
        >
          <img src="/favicon.svg" alt="" className="size-6" />
          Wheelhouse
        </Link>
        {search}
        <button
          type="button"
          aria-expanded={menuOpen}
          aria-controls="app-menu"
          onClick={() => setMenuOpen((open) => !open)}
          className="ml-auto inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-topbar-fg hover:bg-white/10 lg:hidden"
        >
          {menuOpen ? <CloseIcon /> : <MenuIcon />}
          Menu
        </button>
        <div
          id="app-menu"
          className={`${menuOpen ? 'flex' : 'hidden'} w-full flex-col items-start gap-3 border-t border-white/15 py-3 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:gap-6 lg:border-0 lg:py-0`}
        >
          <nav aria-label="Main" className="w-full lg:w-auto">
            <ul className="flex flex-col gap-1 lg:flex-row lg:items-center">
              {navItemsFor(session.role).map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className={({ isActive }) =>
                      `block rounded-md px-3 py-1.5 text-sm font-medium no-underline ${
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
          <div className="flex flex-wrap items-center gap-3 px-3 lg:ml-auto lg:px-0">
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
                signOut.mutate(undefined, {
                  // An SSO session also ends at the provider, which then sends the browser back.
                  onSuccess: (logoutUrl) =>
                    logoutUrl
                      ? window.location.assign(logoutUrl)
                      : void navigate('/login', { replace: true }),
                })
              }
            >
              {signOut.isPending ? 'Signing out…' : 'Sign out'}
            </button>
          </div>
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
      <main id="main" className="min-w-0 flex-1" aria-busy={navigation.state === 'loading'}>
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
