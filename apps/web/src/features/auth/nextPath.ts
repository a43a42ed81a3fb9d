/** Where to land after sign-in when no (usable) `next` was given. */
export const HOME_PATH = '/clusters';

/**
 * The `next` parameter, if it is a path inside this app. Anything else (absolute URLs,
 * protocol-relative `//host`, backslash tricks) falls back to the home page, so a crafted
 * sign-in link cannot send the user to another site.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return HOME_PATH;
  }
  if (next === '/login' || next.startsWith('/login?')) return HOME_PATH;
  return next;
}

/** The sign-in page's URL that brings the user back to `location` afterwards. */
export function signInPath(location: { pathname: string; search: string; hash?: string }): string {
  const here = `${location.pathname}${location.search}${location.hash ?? ''}`;
  if (here === '/' || here === HOME_PATH) return '/login';
  return `/login?next=${encodeURIComponent(here)}`;
}
