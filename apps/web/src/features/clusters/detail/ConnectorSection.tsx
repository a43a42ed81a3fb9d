import type { ClusterDetail } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { formatDateTime, formatRelative } from '../../../components/dateFormat.ts';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { providerLabel } from '../clusterDisplay.ts';
import { Mono, Section } from './Section.tsx';

function Expiry({ iso, active }: { iso: string; active: boolean }) {
  const expired = new Date(iso).getTime() < Date.now();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <time dateTime={iso}>{formatDateTime(iso)}</time>
      <span className="text-fg-muted">({formatRelative(iso)})</span>
      {/* Once the agent has connected, an expired activation no longer matters. */}
      {expired && !active && <Chip tone="danger">expired</Chip>}
    </span>
  );
}

/** Connector tab of a cluster registered through EKS Connector (the activation code is never shown again). */
export function ConnectorSection({ cluster }: { cluster: ClusterDetail }) {
  const connector = cluster.connector;
  return (
    <Section title="EKS Connector">
      <KeyValueList
        items={[
          { label: 'Provider', value: providerLabel(connector?.provider ?? cluster.provider) },
          {
            label: 'Activation ID',
            value: connector?.activationId && <Mono>{connector.activationId}</Mono>,
          },
          {
            label: 'Activation expiry',
            value: connector?.activationExpiry && (
              <Expiry iso={connector.activationExpiry} active={cluster.status === 'ACTIVE'} />
            ),
          },
          {
            label: 'Connector IAM role',
            value: connector?.roleArn && <Mono>{connector.roleArn}</Mono>,
          },
        ]}
      />
      <p className="mt-4 text-fg-muted">
        The activation code was shown once, when the cluster was registered; EKS does not return it
        again.
      </p>
    </Section>
  );
}
