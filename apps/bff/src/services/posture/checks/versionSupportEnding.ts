import { SUPPORT_WARNING_DAYS } from '@wheelhouse/contract';
import { clusterFailure, defineCheck, eksManaged } from '../check.ts';
import { daysUntil, upgradeCommand } from './version.ts';

export const versionSupportEnding = defineCheck({
  id: 'EKS-VERSION-ENDING',
  title: `Standard support ends within ${SUPPORT_WARNING_DAYS} days`,
  severity: 'low',
  source: 'EKS Best Practices, Cluster upgrades: plan upgrades before the end of standard support',
  evaluate(facts) {
    const { version, versionSupport } = facts.cluster;
    if (!eksManaged(facts) || !version || versionSupport.status !== 'STANDARD_SUPPORT') {
      return undefined;
    }
    const days = daysUntil(versionSupport.endOfStandardSupport, facts.now);
    if (days === undefined) return undefined;
    return clusterFailure(
      facts,
      days <= SUPPORT_WARNING_DAYS,
      `Standard support of Kubernetes ${version} ends in ${days} days; extended support then costs $0.50 more per cluster-hour.`,
      upgradeCommand(facts),
    );
  },
});
