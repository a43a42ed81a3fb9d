import { Link, useSearchParams } from 'react-router';
import { ThemeToggle } from '../../components/ThemeToggle.tsx';

/** Why the console refused an SSO sign-in, as the callback's `?reason=` names it. */
function explanation(reason: string | null, user: string | null, detail: string | null): string {
  switch (reason) {
    case 'unavailable':
      return `The identity provider could not be reached${detail ? ` (${detail})` : ''}. Try again later.`;
    case 'no-role':
      return `The identity provider signed you in${user ? ` as ${user}` : ''}, but none of your groups is mapped to a Wheelhouse role, so you cannot use this console. Ask an administrator to map one of your groups to a role.`;
    case 'expired':
      return 'This sign-in had expired or was already used (for example after going back in the browser). Start again.';
    case 'provider':
      return 'The identity provider did not sign you in. Start again; if it keeps happening, ask an administrator.';
    default:
      return "The identity provider's answer did not check out, so you were not signed in. Start again; if it keeps happening, ask an administrator (the audit log has the details).";
  }
}

/** /login/refused: where the OIDC callback sends a browser whose sign-in it refused. */
export function SsoRefusedPage() {
  const [params] = useSearchParams();
  return (
    <div className="flex min-h-full flex-col items-center justify-center bg-page px-4 py-12">
      <title>Sign-in refused · Wheelhouse</title>
      <ThemeToggle className="fixed top-3 right-3 text-fg hover:bg-surface-muted" />
      <main className="w-full max-w-sm">
        <div className="card p-6 shadow-sm">
          <h1 className="text-lg font-semibold">Sign-in refused</h1>
          <p className="mt-2" role="alert">
            {explanation(params.get('reason'), params.get('user'), params.get('detail'))}
          </p>
          <Link to="/login" className="btn-primary mt-4 flex h-9 items-center justify-center">
            Back to sign-in
          </Link>
        </div>
      </main>
    </div>
  );
}
