import { defineCheck } from '../check.ts';

export const nodegroupSingleAz = defineCheck({
  id: 'NODEGROUP-SINGLE-AZ',
  title: 'Node group in a single Availability Zone',
  severity: 'medium',
  source:
    'EKS Best Practices, Reliability — Data plane: run worker nodes in multiple Availability Zones',
  evaluate(facts) {
    const subnets = facts.subnets;
    if (!facts.nodegroups || !subnets) return undefined;
    return facts.nodegroups.flatMap((ng) => {
      const zones = new Set(
        (ng.subnets ?? []).flatMap((id) => {
          const zone = subnets.get(id)?.availabilityZone;
          return zone ? [zone] : [];
        }),
      );
      if (zones.size !== 1) return [];
      return [
        {
          resource: `nodegroup/${ng.nodegroupName}`,
          detail: `Every subnet of the node group is in ${[...zones][0]}: losing that zone stops all its nodes.`,
          remediation: `aws eks create-nodegroup --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --nodegroup-name ${ng.nodegroupName}-multi-az --node-role ${ng.nodeRole} --subnets <subnets in two or more zones>`,
        },
      ];
    });
  },
});
