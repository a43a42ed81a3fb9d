import { useState } from 'react';
import { Link } from 'react-router';
import type { DashboardToken } from '@wheelhouse/contract';
import { useDashboardTokens } from '../../../api/dashboard.ts';
import { useSession } from '../../../api/session.ts';
import { ChangeNotice, type ChangeNoticeContent } from '../../../components/ChangeNotice.tsx';
import { Chip } from '../../../components/Chip.tsx';
import { formatDateTime } from '../../../components/dateFormat.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorBanner } from '../../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../../components/LoadingState.tsx';
import { Breadcrumb } from '../../../components/PageHeader.tsx';
import { ProblemDetails } from '../../../components/ProblemDetails.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { CreateTokenForm } from './CreateTokenForm.tsx';
import { RevokeTokenDialog } from './RevokeTokenDialog.tsx';
import { tokenStatus } from './tokenStatus.ts';

const cell = 'border-b border-line px-3 py-2 align-middle';
const head =
  'border-b border-line bg-surface-muted px-3 py-2 text-left text-xs font-semibold text-fg-muted';

function TokensTable({
  tokens,
  onRevoke,
}: {
  tokens: DashboardToken[];
  onRevoke: (token: DashboardToken) => void;
}) {
  if (tokens.length === 0) {
    return <p className="p-4 text-fg-muted">No dashboard tokens yet.</p>;
  }
  return (
    <table aria-label="Dashboard tokens" className="w-full border-separate border-spacing-0">
      <thead>
        <tr>
          {['Name', 'Created by', 'Created', 'Expires', 'Last used', 'Status'].map((title) => (
            <th key={title} scope="col" className={head}>
              {title}
            </th>
          ))}
          <th scope="col" className={head}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => {
          const status = tokenStatus(token);
          return (
            <tr key={token.id}>
              <th scope="row" className={`${cell} text-left font-medium`}>
                {token.name}
              </th>
              <td className={cell}>{token.createdBy}</td>
              <td className={cell}>
                <RelativeTime iso={token.createdAt} />
              </td>
              <td className={cell}>
                <time dateTime={token.expiresAt}>{formatDateTime(token.expiresAt)}</time>
              </td>
              <td className={cell}>
                {token.lastUsedAt ? (
                  <RelativeTime iso={token.lastUsedAt} />
                ) : (
                  <span className="text-fg-muted">never</span>
                )}
              </td>
              <td className={cell}>
                <Chip tone={status.tone}>{status.label}</Chip>
                {token.revokedAt && (
                  <span className="ml-2 text-xs text-fg-muted">
                    <RelativeTime iso={token.revokedAt} />
                  </span>
                )}
              </td>
              <td className={`${cell} text-right`}>
                {status.label === 'Active' && (
                  <button
                    type="button"
                    className="btn-secondary h-7 px-2 text-danger-fg"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => onRevoke(token)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function TokensAdmin() {
  const tokens = useDashboardTokens();
  const [revoking, setRevoking] = useState<DashboardToken | null>(null);
  const [notice, setNotice] = useState<ChangeNoticeContent | null>(null);
  return (
    <>
      <ChangeNotice notice={notice} onDismiss={() => setNotice(null)} />
      <CreateTokenForm />
      <section aria-labelledby="tokens-title" className="card overflow-x-auto">
        <h2 id="tokens-title" className="px-4 pt-4 pb-2 text-base font-semibold">
          Tokens
        </h2>
        {tokens.isPending ? (
          <TableSkeleton label="Loading dashboard tokens…" rows={3} />
        ) : !tokens.data ? (
          <div className="p-4">
            <ErrorBanner
              title="Could not load the dashboard tokens"
              onRetry={() => void tokens.refetch()}
              retrying={tokens.isFetching}
            >
              <ProblemDetails error={tokens.error} />
            </ErrorBanner>
          </div>
        ) : (
          <TokensTable tokens={tokens.data} onRevoke={setRevoking} />
        )}
      </section>
      {revoking && (
        <RevokeTokenDialog
          token={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={() => {
            setNotice({ text: `Token “${revoking.name}” revoked.` });
            setRevoking(null);
          }}
        />
      )}
    </>
  );
}

/** /settings/dashboard-tokens (admins): tokens that open the fleet dashboard on a wall screen. */
export function DashboardTokensPage() {
  const admin = useSession().data?.role === 'admin';
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-4 p-4">
      <title>Dashboard tokens · Settings · Wheelhouse</title>
      <Breadcrumb trail={[{ label: 'Settings' }]} current="Dashboard tokens" />
      <h1 className="text-xl font-semibold">Dashboard tokens</h1>
      <p className="max-w-prose text-fg-muted">
        A dashboard token opens the <Link to="/dashboard">fleet dashboard</Link>, and nothing else,
        on a screen where nobody signs in. Open its URL there once: the screen then keeps a cookie
        until the token expires or is revoked.
      </p>
      {admin ? (
        <TokensAdmin />
      ) : (
        <EmptyState title="Only administrators manage dashboard tokens">
          Ask an administrator for a dashboard link.
        </EmptyState>
      )}
    </div>
  );
}
