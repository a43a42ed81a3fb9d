import type { ClusterFacts, GroupFacts } from '../facts.ts';

/** How to make a group start its instances with a corrected launch template version. */
export function relaunchWith(facts: ClusterFacts, group: GroupFacts, data: string): string {
  const region = facts.cluster.region;
  const template = group.launch?.templateId ?? '<launch template id>';
  const newVersion = `aws ec2 create-launch-template-version --region ${region} --launch-template-id ${template} --source-version ${group.launch?.version ?? '$Latest'} --launch-template-data '${data}'`;
  const rollOut = group.nodegroup
    ? `aws eks update-nodegroup-version --region ${region} --cluster-name ${facts.cluster.name} --nodegroup-name ${group.nodegroup} --launch-template id=${template},version=<new version>`
    : `aws autoscaling start-instance-refresh --region ${region} --auto-scaling-group-name ${group.name} --desired-configuration '{"LaunchTemplate":{"LaunchTemplateId":"${template}","Version":"$Latest"}}'`;
  return `${newVersion} && ${rollOut}`;
}

/** The groups whose launch template could be read. */
export const launchedGroups = (facts: ClusterFacts) =>
  facts.groups?.filter((group) => group.launch !== undefined);
