import type { ReactNode } from 'react';
import type { ClusterDetail } from '@wheelhouse/contract';
import { LazyAccessTab } from '../../access/index.ts';
import { LazyAddonsTab } from '../../addons/index.ts';
import { LazyComputeTab } from '../../compute/index.ts';
import { LazyUpgradeReadinessTab, preloadUpgradeReadinessTab } from '../../insights/index.ts';
import { ConnectedOverview } from '../../connected/index.ts';
import { ClusterUpdatesTab } from '../../lifecycle/index.ts';
import { LazyMetricsTab, preloadMetricsTab } from '../../metrics/index.ts';
import { LazyPostureTab } from '../../posture/index.ts';
import {
  LazyResourcesTab,
  preloadResourcesTab,
  resourcesTabApplies,
} from '../../resources/index.ts';
import { EncryptionSection } from './EncryptionSection.tsx';
import { IdentitySection } from './IdentitySection.tsx';
import { LoggingSection } from './LoggingSection.tsx';
import { NetworkingSection } from './NetworkingSection.tsx';
import { OverviewSection } from './OverviewSection.tsx';
import { TagsSection } from './TagsSection.tsx';

/** One tab of the cluster page: `id` is its `?tab=` value; `appliesTo` hides it where it makes no sense. */
export interface ClusterTab {
  id: string;
  label: string;
  appliesTo?: (cluster: ClusterDetail) => boolean;
  render: (cluster: ClusterDetail) => ReactNode;
  /** Starts loading a lazily loaded tab's chunk while the cluster itself is still being read. */
  preload?: () => void;
}

// EKS has no VPC, logging, encryption or OIDC settings for clusters registered through EKS Connector.
const eksManaged = (cluster: ClusterDetail) => !cluster.connected;

/**
 * The cluster page's tabs, in display order; the first is the default. Later features add
 * theirs here (e.g. Compute: node groups and Fargate profiles; Resources: workloads; Updates).
 */
export const CLUSTER_TABS: readonly ClusterTab[] = [
  {
    id: 'overview',
    label: 'Overview',
    render: (c) =>
      c.connected ? <ConnectedOverview cluster={c} /> : <OverviewSection cluster={c} />,
  },
  {
    id: 'compute',
    label: 'Compute',
    appliesTo: eksManaged,
    render: (c) => <LazyComputeTab cluster={c} />,
  },
  {
    id: 'resources',
    label: 'Resources',
    appliesTo: resourcesTabApplies,
    render: (c) => <LazyResourcesTab cluster={c} />,
    preload: preloadResourcesTab,
  },
  {
    id: 'metrics',
    label: 'Metrics',
    // Read from the cluster's Kubernetes API (metrics.k8s.io), like the Resources tab.
    appliesTo: resourcesTabApplies,
    render: (c) => <LazyMetricsTab cluster={c} />,
    preload: preloadMetricsTab,
  },
  {
    id: 'networking',
    label: 'Networking',
    appliesTo: eksManaged,
    render: (c) => <NetworkingSection cluster={c} />,
  },
  {
    id: 'logging',
    label: 'Logging',
    appliesTo: eksManaged,
    render: (c) => <LoggingSection cluster={c} />,
  },
  {
    id: 'encryption',
    label: 'Encryption',
    appliesTo: eksManaged,
    render: (c) => <EncryptionSection cluster={c} />,
  },
  {
    id: 'identity',
    label: 'Identity',
    appliesTo: eksManaged,
    render: (c) => <IdentitySection cluster={c} />,
  },
  {
    id: 'access',
    label: 'Access',
    appliesTo: eksManaged,
    render: (c) => <LazyAccessTab cluster={c} />,
  },
  {
    id: 'addons',
    label: 'Add-ons',
    appliesTo: eksManaged,
    render: (c) => <LazyAddonsTab cluster={c} />,
  },
  {
    id: 'posture',
    label: 'Posture',
    appliesTo: eksManaged,
    render: (c) => <LazyPostureTab cluster={c} />,
  },
  {
    id: 'upgrade',
    label: 'Upgrade readiness',
    appliesTo: eksManaged,
    render: (c) => <LazyUpgradeReadinessTab cluster={c} />,
    preload: preloadUpgradeReadinessTab,
  },
  { id: 'tags', label: 'Tags', render: (c) => <TagsSection cluster={c} /> },
  {
    id: 'updates',
    label: 'Updates',
    appliesTo: eksManaged,
    render: (c) => <ClusterUpdatesTab cluster={c} />,
  },
];

export function tabsFor(
  cluster: ClusterDetail,
  tabs: readonly ClusterTab[] = CLUSTER_TABS,
): ClusterTab[] {
  return tabs.filter((tab) => tab.appliesTo?.(cluster) ?? true);
}
