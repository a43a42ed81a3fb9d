import { useMemo, useState } from 'react';
import type { ClusterDetail, ClusterRef } from '@wheelhouse/contract';
import { useClusterAccess } from '../../api/access.ts';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { ProblemDetails } from '../../components/ProblemDetails.tsx';
import { RefreshButton } from '../../components/RefreshButton.tsx';
import { useCan } from '../auth/index.ts';
import { AccessDialogHost, type AccessDialog } from './AccessDialogHost.tsx';
import { AccessEntriesSection } from './AccessEntriesSection.tsx';
import { IdentityProvidersSection } from './IdentityProvidersSection.tsx';
import { PodIdentitySection } from './PodIdentitySection.tsx';
import { WhoCanPanel } from './WhoCanPanel.tsx';

const MODE_TEXT: Record<string, string> = {
  API: 'EKS access entries only (the aws-auth ConfigMap is ignored)',
  API_AND_CONFIG_MAP: 'EKS access entries and the aws-auth ConfigMap',
  CONFIG_MAP: 'the aws-auth ConfigMap only (no access entries)',
};

/**
 * The cluster page's Access tab: who gets into the cluster (access entries and their policies,
 * OIDC providers), which pods assume which IAM role (Pod Identity), and who may do what.
 * Operators and admins get change controls; auditors read.
 */
export function AccessTab({ cluster }: { cluster: ClusterDetail }) {
  const { accountId, region, name } = cluster;
  const clusterRef: ClusterRef = useMemo(
    () => ({ accountId, region, name }),
    [accountId, region, name],
  );
  const access = useClusterAccess(clusterRef);
  const canChange = useCan('change');
  const [dialog, setDialog] = useState<AccessDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = canChange ? setDialog : undefined;

  if (access.isPending) return <TableSkeleton label="Loading access entries…" />;
  if (!access.data) {
    return (
      <ErrorBanner
        title="Could not load this cluster's access"
        onRetry={() => void access.refetch()}
        retrying={access.isFetching}
      >
        <ProblemDetails error={access.error} />
      </ErrorBanner>
    );
  }
  const data = access.data;
  const mode = data.authenticationMode;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <p>
          Authentication mode: <strong className="font-mono">{mode ?? 'unknown'}</strong>
          {mode && MODE_TEXT[mode] && <span className="text-fg-muted"> — {MODE_TEXT[mode]}</span>}
        </p>
        <div className="ml-auto">
          <RefreshButton
            label="Refresh access"
            updatedAt={access.dataUpdatedAt}
            fetching={access.isFetching}
            onRefresh={() => void access.refetch()}
          />
        </div>
      </div>
      {notice && (
        <div role="status" className="card flex items-center gap-3 px-4 py-3">
          <p className="flex-1">{notice}</p>
          <button type="button" className="btn-ghost" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {data.errors.length > 0 && (
        <ErrorBanner title="Part of this cluster's access could not be read" tone="warning">
          <ul className="list-disc pl-5">
            {data.errors.map((error) => (
              <li key={`${error.code}|${error.message}`}>
                <code>{error.code}</code>: {error.message}
              </li>
            ))}
          </ul>
        </ErrorBanner>
      )}
      <AccessEntriesSection
        entries={data.entries}
        configMapOnly={mode === 'CONFIG_MAP'}
        onOpen={open}
      />
      <IdentityProvidersSection providers={data.identityProviders} onOpen={open} />
      <PodIdentitySection associations={data.podIdentityAssociations} onOpen={open} />
      <WhoCanPanel clusterRef={clusterRef} />
      {canChange && dialog && (
        <AccessDialogHost
          clusterRef={clusterRef}
          dialog={dialog}
          policies={data.accessPolicies}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            setNotice(text);
          }}
        />
      )}
    </div>
  );
}
