import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useAuthProviders, useSession, useSignIn } from '../../api/session.ts';
import { Chip } from '../../components/Chip.tsx';
import { ThemeToggle } from '../../components/ThemeToggle.tsx';
import { safeNextPath } from './nextPath.ts';

type Field = 'username' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

/** What to tell the user about a failed sign-in. */
export function signInErrorMessage(error: unknown): string {
  if (!isApiError(error)) return 'Sign-in failed. Try again.';
  if (error.status === 401) return 'Wrong user name or password.';
  if (error.status === 0) return error.message;
  if (error.status === 429)
    return error.problem?.detail ?? 'Too many attempts. Wait a little and try again.';
  return `Sign-in failed: ${error.problem?.detail ?? error.message}`;
}

/**
 * /login: "Sign in with <provider>" when SSO is configured, and user name + password unless the
 * server turned password sign-in off; afterwards goes to `?next=` (a path inside the app) or the
 * clusters page.
 */
export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const providers = useAuthProviders();
  const sso = providers.data?.sso;
  // Until the server says otherwise (or if it cannot say), offer the password form.
  const local = providers.data?.local ?? true;
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const usernameErrorId = useId();
  const passwordErrorId = useId();

  useEffect(() => {
    usernameRef.current?.focus();
  }, []);

  if (session.data) return <Navigate to={next} replace />;

  const backend = signIn.data?.backend;
  const formError = signIn.isError ? signInErrorMessage(signIn.error) : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const username = text('username').trim();
    const password = text('password');
    const errors: FieldErrors = {};
    if (!username) errors.username = 'Enter your user name.';
    if (!password) errors.password = 'Enter your password.';
    setFieldErrors(errors);
    if (errors.username) return usernameRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();

    signIn.mutate(
      { username, password },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: () => {
          // Keep the user name; clear the password and put the cursor there for the next try.
          if (passwordRef.current) passwordRef.current.value = '';
          passwordRef.current?.focus();
        },
      },
    );
  };

  return (
    <div className="flex min-h-full flex-col items-center justify-center bg-page px-4 py-12">
      <title>Sign in · Wheelhouse</title>
      <ThemeToggle className="fixed top-3 right-3 text-fg hover:bg-surface-muted" />
      <main className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <img src="/favicon.svg" alt="" className="size-8" />
          <span className="text-xl font-semibold">Wheelhouse</span>
        </div>
        <div className="card p-6 shadow-sm">
          <h1 className="text-lg font-semibold">Sign in</h1>
          <p className="mt-1 text-fg-muted">The console for your Amazon EKS clusters.</p>
          {backend && (
            <p className="mt-2 text-fg-muted">
              Backend: <Chip tone={backend === 'sandbox' ? 'warning' : 'info'}>{backend}</Chip>
            </p>
          )}

          {formError && (
            <p
              id={errorId}
              role="alert"
              className="mt-4 rounded-md border border-danger-line bg-danger-bg px-3 py-2 text-danger-fg"
            >
              {formError}
            </p>
          )}

          {sso && (
            <div className="mt-4 flex flex-col gap-4">
              {/* A full navigation, not fetch: the provider's sign-in page takes over the tab. */}
              <a
                href={`/api/auth/oidc/login?next=${encodeURIComponent(next)}`}
                className={`${local ? 'btn-secondary' : 'btn-primary'} flex h-9 items-center justify-center`}
              >
                Sign in with {sso.name}
              </a>
              {local && (
                <p className="flex items-center gap-2 text-fg-muted" aria-hidden="true">
                  <span className="h-px flex-1 bg-line" />
                  or with a user name
                  <span className="h-px flex-1 bg-line" />
                </p>
              )}
            </div>
          )}

          {local && (
            <form
              className="mt-4 flex flex-col gap-4"
              onSubmit={onSubmit}
              noValidate
              aria-label="Sign in"
            >
              <div className="flex flex-col gap-1">
                <label htmlFor="signin-username" className="font-medium">
                  User name
                </label>
                <input
                  ref={usernameRef}
                  id="signin-username"
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  maxLength={64}
                  className="input"
                  aria-invalid={fieldErrors.username ? true : undefined}
                  aria-describedby={
                    fieldErrors.username ? usernameErrorId : formError ? errorId : undefined
                  }
                />
                {fieldErrors.username && (
                  <p id={usernameErrorId} className="text-danger-fg">
                    {fieldErrors.username}
                  </p>
                )}
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="signin-password" className="font-medium">
                  Password
                </label>
                <input
                  ref={passwordRef}
                  id="signin-password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  maxLength={1024}
                  className="input"
                  aria-invalid={fieldErrors.password ? true : undefined}
                  aria-describedby={
                    fieldErrors.password ? passwordErrorId : formError ? errorId : undefined
                  }
                />
                {fieldErrors.password && (
                  <p id={passwordErrorId} className="text-danger-fg">
                    {fieldErrors.password}
                  </p>
                )}
              </div>
              <button type="submit" className="btn-primary h-9" disabled={signIn.isPending}>
                {signIn.isPending ? 'Signing in…' : 'Sign in'}
              </button>
            </form>
          )}
        </div>
      </main>
    </div>
  );
}
