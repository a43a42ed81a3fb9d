import { clusterFailure, defineCheck, eksManaged } from '../check.ts';
import { upgradeCommand } from './version.ts';

export const versionUnsupported = defineCheck({
  id: 'EKS-VERSION-UNSUPPORTED',
  title: 'Kubernetes version out of support',
  severity: 'critical',
  source: 'EKS Best Practices, Cluster upgrades: keep your cluster up to date',
  evaluate(facts) {
    const { version, versionSupport } = facts.cluster;
    if (!eksManaged(facts) || !version || versionSupport.status === 'UNKNOWN') return undefined;
    return clusterFailure(
      facts,
      versionSupport.status === 'UNSUPPORTED',
      `Kubernetes ${version} gets no fixes any more; EKS upgrades such clusters itself.`,
      upgradeCommand(facts),
    );
  },
});
