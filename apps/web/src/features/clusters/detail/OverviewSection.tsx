import type { ClusterDetail } from '@wheelhouse/contract';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { formatDateTime, formatRelative } from '../../../components/dateFormat.ts';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { StatusBadge } from '../../../components/StatusBadge.tsx';
import { endpointAccess } from '../../../components/clusterDisplay.ts';
import { VersionSupportChip } from '../../../components/VersionSupportChip.tsx';
import { ClusterHealthIssues } from '../../../components/ClusterHealthIssues.tsx';
import { Mono, Section } from '../../../components/Section.tsx';

/** Overview tab of an EKS cluster: status, version and platform, creation, endpoint, role, health. (Connected clusters have their own.) */
export function OverviewSection({ cluster }: { cluster: ClusterDetail }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="Details">
        <KeyValueList
          items={[
            { label: 'Status', value: <StatusBadge status={cluster.status} /> },
            {
              label: 'Kubernetes version',
              value: cluster.version && (
                <span className="inline-flex flex-wrap items-center gap-2">
                  <span className="font-medium">{cluster.version}</span>
                  <VersionSupportChip support={cluster.versionSupport} />
                </span>
              ),
            },
            { label: 'Platform version', value: cluster.platformVersion },
            {
              label: 'Upgrade policy',
              value: cluster.supportType && `${cluster.supportType.toLowerCase()} support`,
            },
            {
              label: 'Created',
              value: cluster.createdAt && (
                <time dateTime={cluster.createdAt}>
                  {formatDateTime(cluster.createdAt)}{' '}
                  <span className="text-fg-muted">({formatRelative(cluster.createdAt)})</span>
                </time>
              ),
            },
            {
              label: 'API server endpoint',
              value: cluster.endpoint && (
                <span className="inline-flex items-center gap-1">
                  <Mono>{cluster.endpoint}</Mono>
                  <CopyButton text={cluster.endpoint} label="Copy API server endpoint" />
                </span>
              ),
            },
            { label: 'Endpoint access', value: endpointAccess(cluster) },
            { label: 'Cluster IAM role', value: cluster.roleArn && <Mono>{cluster.roleArn}</Mono> },
          ]}
        />
      </Section>
      <Section title={`Health issues (${cluster.health.length})`}>
        <ClusterHealthIssues cluster={cluster} />
      </Section>
    </div>
  );
}
