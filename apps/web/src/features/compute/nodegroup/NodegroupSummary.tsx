import type { Nodegroup } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { formatDateTime } from '../../../components/dateFormat.ts';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { CapacityBar, capacityText } from '../CapacityBar.tsx';
import { capacityTypeLabel, capacityTypeTone } from '../computeDisplay.ts';
import { HealthIssueList } from '../HealthIssues.tsx';
import { LabelTaintChips } from '../LabelTaintChips.tsx';

const mono = (text: string | undefined) =>
  text && <span className="font-mono text-xs break-all">{text}</span>;

function updateConfigText(nodegroup: Nodegroup): string | undefined {
  const config = nodegroup.updateConfig;
  if (config?.maxUnavailable !== undefined) return `${config.maxUnavailable} node(s) at a time`;
  if (config?.maxUnavailablePercentage !== undefined) {
    return `${config.maxUnavailablePercentage}% of nodes at a time`;
  }
  return undefined;
}

/** Everything EKS says about one node group, two columns of label/value plus health issues. */
export function NodegroupSummary({ nodegroup }: { nodegroup: Nodegroup }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section aria-label="Node group details" className="card p-4 lg:col-span-2">
        <h2 className="mb-3 text-base font-semibold">Details</h2>
        <KeyValueList
          items={[
            {
              label: 'Size',
              value: (
                <div className="flex max-w-64 flex-col gap-1">
                  <CapacityBar scaling={nodegroup.scaling} current={nodegroup.currentInstances} />
                  <span className="text-xs">
                    {capacityText(nodegroup.scaling, nodegroup.currentInstances)}
                  </span>
                </div>
              ),
            },
            {
              label: 'Capacity type',
              value: (
                <Chip tone={capacityTypeTone(nodegroup.capacityType)}>
                  {capacityTypeLabel(nodegroup.capacityType)}
                </Chip>
              ),
            },
            { label: 'Instance types', value: mono(nodegroup.instanceTypes.join(', ')) },
            { label: 'AMI type', value: nodegroup.amiType },
            { label: 'Kubernetes version', value: nodegroup.version },
            { label: 'AMI release version', value: mono(nodegroup.releaseVersion) },
            {
              label: 'Disk size',
              value: nodegroup.diskSize !== undefined ? `${nodegroup.diskSize} GiB` : undefined,
            },
            { label: 'Updates replace', value: updateConfigText(nodegroup) },
            { label: 'Node IAM role', value: mono(nodegroup.nodeRole) },
            { label: 'Subnets', value: mono(nodegroup.subnets.join(', ')) },
            {
              label: 'Auto Scaling groups',
              value: mono(nodegroup.autoScalingGroups.join(', ')),
            },
            {
              label: 'Labels and taints',
              value: <LabelTaintChips labels={nodegroup.labels} taints={nodegroup.taints} />,
            },
            {
              label: 'Created',
              value: nodegroup.createdAt && formatDateTime(nodegroup.createdAt),
            },
            {
              label: 'Modified',
              value: nodegroup.modifiedAt && formatDateTime(nodegroup.modifiedAt),
            },
            {
              label: 'ARN',
              value: (
                <span className="inline-flex items-center gap-1">
                  {mono(nodegroup.arn)}
                  <CopyButton text={nodegroup.arn} label="Copy ARN" />
                </span>
              ),
            },
          ]}
        />
      </section>
      <section aria-label="Health issues" className="card p-4">
        <h2 className="mb-3 text-base font-semibold">
          Health issues{' '}
          <span className="font-normal text-fg-muted">({nodegroup.health.length})</span>
        </h2>
        {nodegroup.health.length === 0 ? (
          <p className="text-fg-muted">No health issues reported by EKS.</p>
        ) : (
          <HealthIssueList issues={nodegroup.health} label="Health issues" />
        )}
      </section>
    </div>
  );
}
