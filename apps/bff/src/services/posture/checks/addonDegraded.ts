import { defineCheck } from '../check.ts';

const FAILED = new Set(['DEGRADED', 'CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED']);

export const addonDegraded = defineCheck({
  id: 'ADDON-DEGRADED',
  title: 'EKS add-on degraded or failed',
  severity: 'high',
  source:
    'EKS Best Practices, Reliability: cluster add-ons (CNI, DNS, kube-proxy, CSI) must be healthy; a degraded one breaks networking, name resolution or storage',
  evaluate(facts) {
    if (facts.cluster.connected || !facts.addons) return undefined;
    return facts.addons
      .filter((addon) => FAILED.has(addon.status ?? '') || (addon.health?.issues?.length ?? 0) > 0)
      .map((addon) => {
        const issues = addon.health?.issues ?? [];
        return {
          resource: `addon/${addon.addonName}`,
          detail: `Status ${addon.status}${issues.length ? `: ${issues.map((i) => `${i.code}: ${i.message}`).join('; ')}` : ''}.`,
          // Re-applying the installed build with OVERWRITE rolls the add-on's objects out again.
          remediation: `aws eks update-addon --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --addon-name ${addon.addonName} --addon-version ${addon.addonVersion} --resolve-conflicts OVERWRITE`,
        };
      });
  },
});
