import { defineCheck } from '../check.ts';
import { launchedGroups, relaunchWith } from './nodes.ts';

export const nodesImdsV1 = defineCheck({
  id: 'NODES-IMDSV1',
  title: 'Nodes answer IMDSv1',
  severity: 'high',
  source:
    'EKS Best Practices, Security — IAM: restrict access to the instance metadata service (require IMDSv2)',
  evaluate(facts) {
    const groups = launchedGroups(facts);
    if (!groups) return undefined;
    return groups
      .filter((group) => group.launch?.httpTokens !== 'required')
      .map((group) => ({
        resource: group.resource,
        detail: `Launch template ${group.launch?.templateId} version ${group.launch?.version} has HttpTokens ${group.launch?.httpTokens ?? 'unset (optional)'}: any process on the node, pods included, can read the node role's credentials without a token.`,
        remediation: relaunchWith(
          facts,
          group,
          '{"MetadataOptions":{"HttpTokens":"required","HttpPutResponseHopLimit":1}}',
        ),
      }));
  },
});
