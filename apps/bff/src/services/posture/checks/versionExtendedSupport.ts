import { clusterFailure, defineCheck, eksManaged } from '../check.ts';
import { upgradeCommand } from './version.ts';

export const versionExtendedSupport = defineCheck({
  id: 'EKS-VERSION-EXTENDED',
  title: 'Kubernetes version in extended support',
  severity: 'medium',
  source:
    'EKS Best Practices, Cluster upgrades: keep your cluster up to date (extended support costs $0.60 instead of $0.10 per cluster-hour)',
  evaluate(facts) {
    const { version, versionSupport } = facts.cluster;
    if (!eksManaged(facts) || !version || versionSupport.status === 'UNKNOWN') return undefined;
    return clusterFailure(
      facts,
      versionSupport.status === 'EXTENDED_SUPPORT',
      `Kubernetes ${version} is in extended support${versionSupport.endOfExtendedSupport ? ` until ${versionSupport.endOfExtendedSupport.slice(0, 10)}` : ''}.`,
      upgradeCommand(facts),
    );
  },
});
