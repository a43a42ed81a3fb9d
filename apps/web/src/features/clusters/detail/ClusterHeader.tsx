import type { ClusterDetail } from '@wheelhouse/contract';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { accountLabel, providerLabel } from '../../../components/clusterDisplay.ts';
import { VersionSupportChip } from '../../../components/VersionSupportChip.tsx';

/** Under the page title: version and support, account, region, and the ARN with a copy button. */
export function ClusterHeader({ cluster }: { cluster: ClusterDetail }) {
  return (
    <section aria-label="Cluster summary" className="flex flex-col gap-2">
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
    </section>
  );
}
