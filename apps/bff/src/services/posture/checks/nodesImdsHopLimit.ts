import { defineCheck } from '../check.ts';
import { launchedGroups, relaunchWith } from './nodes.ts';

export const nodesImdsHopLimit = defineCheck({
  id: 'NODES-IMDS-HOP-LIMIT',
  title: 'Pods can reach the instance metadata service',
  severity: 'low',
  source:
    'EKS Best Practices, Security — IAM: set the IMDSv2 hop limit to 1 so pods cannot use the node role',
  evaluate(facts) {
    const groups = launchedGroups(facts)?.filter(
      (group) => group.launch?.httpTokens === 'required',
    );
    if (!groups) return undefined;
    return groups
      .filter((group) => (group.launch?.hopLimit ?? 1) > 1)
      .map((group) => ({
        resource: group.resource,
        detail: `IMDSv2 hop limit ${group.launch?.hopLimit}: a pod one hop away still gets the node role's credentials.`,
        remediation: relaunchWith(
          facts,
          group,
          '{"MetadataOptions":{"HttpTokens":"required","HttpPutResponseHopLimit":1}}',
        ),
      }));
  },
});
