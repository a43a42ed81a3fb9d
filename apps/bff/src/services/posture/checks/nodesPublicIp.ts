import { defineCheck } from '../check.ts';
import type { ClusterFacts, GroupFacts } from '../facts.ts';
import { relaunchWith } from './nodes.ts';

/** Whether instances of the group get a public address: the template decides, else the subnets do. */
function publicAddress(facts: ClusterFacts, group: GroupFacts): boolean | undefined {
  if (group.launch?.associatePublicIp !== undefined) return group.launch.associatePublicIp;
  if (!facts.subnets) return undefined;
  return group.subnets.some((id) => facts.subnets?.get(id)?.mapPublicIpOnLaunch === true);
}

export const nodesPublicIp = defineCheck({
  id: 'NODES-PUBLIC-IP',
  title: 'Nodes get public IP addresses',
  severity: 'high',
  source: 'CIS Amazon EKS Benchmark 5.4.3: Ensure clusters are created with private nodes',
  evaluate(facts) {
    if (!facts.groups) return undefined;
    return facts.groups
      .filter((group) => publicAddress(facts, group) === true)
      .map((group) => ({
        resource: group.resource,
        detail:
          group.launch?.associatePublicIp === true
            ? `Launch template ${group.launch.templateId} associates a public IP address with each node.`
            : `Subnets ${group.subnets.join(', ')} give every instance launched in them a public IP address.`,
        remediation: relaunchWith(
          facts,
          group,
          '{"NetworkInterfaces":[{"DeviceIndex":0,"AssociatePublicIpAddress":false}]}',
        ),
      }));
  },
});
