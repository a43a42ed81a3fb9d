import type { ClusterDetail } from '@wheelhouse/contract';
import { CopyableValue } from '../../components/CopyableValue.tsx';
import { formatDateTime, formatRelative } from '../../components/dateFormat.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { KeyValueList } from '../../components/KeyValueList.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useNow } from '../../components/useNow.ts';
import { providerLabel } from '../../components/clusterDisplay.ts';
import { ClusterHealthIssues } from '../../components/ClusterHealthIssues.tsx';
import { Mono, Section } from '../../components/Section.tsx';
import { ActivationCountdown } from './ActivationCountdown.tsx';
import { InstallCommands } from './InstallCommands.tsx';

/** Stands in for the activation code, which EKS returns once, at registration, and never again. */
export const ACTIVATION_CODE_PLACEHOLDER = '<activation code shown at registration>';

/**
 * The helm command that installs the agent, as the registration page printed it, with the code
 * replaced by a placeholder: the rest (chart, activation id, region) is still what the agent needs.
 */
export function agentInstallCommand(activationId: string, region: string): string {
  return [
    'helm install eks-connector --namespace eks-connector --create-namespace \\',
    '  oci://public.ecr.aws/eks-connector/eks-connector-chart \\',
    `  --set eks.activationCode=${ACTIVATION_CODE_PLACEHOLDER} \\`,
    `  --set eks.activationId=${activationId} \\`,
    `  --set eks.agentRegion=${region}`,
  ].join('\n');
}

type ConnectorState = 'waiting' | 'expired' | 'connected' | 'other';

function connectorState(cluster: ClusterDetail, now: number): ConnectorState {
  const expiry = cluster.connector?.activationExpiry;
  const lapsed = expiry !== undefined && Date.parse(expiry) <= now;
  if (cluster.status === 'ACTIVE') return 'connected';
  // EKS turns a registration whose activation lapsed FAILED; until it does, the clock says so.
  if (cluster.status === 'FAILED' || (cluster.status === 'PENDING' && lapsed)) return 'expired';
  if (cluster.status === 'PENDING') return 'waiting';
  return 'other';
}

const STATE_TEXT: Record<ConnectorState, string> = {
  waiting: 'Waiting for the agent to connect',
  expired: 'Activation expired: the agent can no longer connect with it',
  connected: 'Agent connected',
  other: '',
};

/**
 * Overview of a cluster registered through EKS Connector, shaped for what such a cluster has:
 * provider, connector state, activation expiry and the agent's role; the install commands while
 * it waits for its agent; its Kubernetes version and health once the agent is connected. None of
 * the EKS-only fields (platform version, upgrade policy, cluster role, endpoint access).
 */
export function ConnectedOverview({ cluster }: { cluster: ClusterDetail }) {
  const now = useNow(30_000);
  const state = connectorState(cluster, now);
  const connector = cluster.connector;
  const expiry = connector?.activationExpiry;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="Connection">
        <KeyValueList
          items={[
            { label: 'Status', value: <StatusBadge status={cluster.status} /> },
            { label: 'Connector', value: STATE_TEXT[state] || undefined },
            { label: 'Provider', value: providerLabel(connector?.provider ?? cluster.provider) },
            ...(state === 'connected'
              ? [{ label: 'Kubernetes version', value: cluster.version }]
              : []),
            {
              label: 'Registered',
              value: cluster.createdAt && (
                <time dateTime={cluster.createdAt}>
                  {formatDateTime(cluster.createdAt)}{' '}
                  <span className="text-fg-muted">({formatRelative(cluster.createdAt)})</span>
                </time>
              ),
            },
            // Once the agent has connected, the activation's expiry no longer matters.
            ...(state !== 'connected' && expiry
              ? [
                  {
                    label: 'Activation expiry',
                    value: (
                      <span className="inline-flex flex-wrap items-center gap-2">
                        <time dateTime={expiry}>{formatDateTime(expiry)}</time>
                        <span>
                          (<ActivationCountdown expiry={expiry} />)
                        </span>
                      </span>
                    ),
                  },
                ]
              : []),
            {
              label: 'Activation ID',
              value: connector?.activationId && (
                <CopyableValue
                  text={connector.activationId}
                  copyLabel="Copy activation ID"
                  size="sm"
                />
              ),
            },
            {
              label: 'Connector IAM role',
              value: connector?.roleArn && <Mono>{connector.roleArn}</Mono>,
            },
          ]}
        />
      </Section>
      {state === 'waiting' && connector?.activationId && (
        <Section title="Install the connector agent">
          <div className="flex flex-col gap-3">
            <p className="text-fg-muted">
              Run this in the cluster you are connecting (helm pointed at it) before the activation
              expires. The activation code was shown once, when the cluster was registered; EKS does
              not return it again, so paste it in place of the placeholder.
            </p>
            <InstallCommands
              commands={[agentInstallCommand(connector.activationId, cluster.region)]}
            />
            <p className="text-fg-muted">
              Once the agent connects, the cluster turns Active and its workloads show here.
            </p>
          </div>
        </Section>
      )}
      {state === 'expired' && (
        <div className="lg:col-span-2">
          <ErrorBanner title="The activation has expired" tone="warning">
            <p>
              The agent can no longer connect with this registration. Deregister the cluster and
              register it again for a new activation.
            </p>
          </ErrorBanner>
        </div>
      )}
      {state === 'connected' && (
        <Section title={`Health issues (${cluster.health.length})`}>
          <ClusterHealthIssues cluster={cluster} />
        </Section>
      )}
    </div>
  );
}
