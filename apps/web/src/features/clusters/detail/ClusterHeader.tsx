import { Link } from 'react-router';
import type { ClusterDetail } from '@wheelhouse/contract';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { accountLabel, providerLabel } from '../clusterDisplay.ts';
import { VersionSupportChip } from '../VersionSupportChip.tsx';

/** Breadcrumb, name, status, version and support, account and region, and the ARN with a copy button. */
export function ClusterHeader({ cluster }: { cluster: ClusterDetail }) {
  return (
    <header className="flex flex-col gap-2">
      <nav aria-label="Breadcrumb" className="text-sm">
        <ol className="flex items-center gap-1.5 text-fg-muted">
          <li>
            <Link to="/clusters">Clusters</Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="truncate text-fg">
            {cluster.name}
          </li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold break-all">{cluster.name}</h1>
        <StatusBadge status={cluster.status} />
      </div>
      <dl className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
        <div className="flex items-center gap-1.5">
          <dt className="text-fg-muted">{cluster.connected ? 'Provider' : 'Kubernetes'}</dt>
          <dd className="flex items-center gap-2">
            {cluster.connected ? (
              providerLabel(cluster.provider)
            ) : (
              <>
                <span className="font-medium">{cluster.version ?? '—'}</span>
                <VersionSupportChip support={cluster.versionSupport} />
              </>
            )}
          </dd>
        </div>
        <div className="flex items-center gap-1.5">
          <dt className="text-fg-muted">Account</dt>
          <dd>
            {accountLabel(cluster)}
            {cluster.accountName && (
              <span className="font-mono text-xs text-fg-muted"> ({cluster.accountId})</span>
            )}
          </dd>
        </div>
        <div className="flex items-center gap-1.5">
          <dt className="text-fg-muted">Region</dt>
          <dd>{cluster.region}</dd>
        </div>
        {cluster.arn && (
          <div className="flex min-w-0 items-center gap-1.5">
            <dt className="text-fg-muted">ARN</dt>
            <dd className="flex min-w-0 items-center gap-1">
              <code className="text-xs break-all">{cluster.arn}</code>
              <CopyButton text={cluster.arn} label="Copy ARN" />
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
