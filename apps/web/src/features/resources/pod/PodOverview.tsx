import type { PodDetail } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { KeyValueList } from '../../../components/KeyValueList.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { RunsOnChip } from '../display/RunsOnChip.tsx';

const pairs = (record: Record<string, string>) =>
  Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`);

function chipList({ label, items, tone }: { label: string; items: string[]; tone?: 'warning' }) {
  if (items.length === 0) return undefined;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1">
      {items.map((item) => (
        <li key={item} className="max-w-full">
          <Chip tone={tone} className="font-mono font-normal" title={item}>
            {item}
          </Chip>
        </li>
      ))}
    </ul>
  );
}

/** Where the pod runs and what it is: node, node group or Fargate profile, IP, owner, labels. */
export function PodOverview({ pod }: { pod: PodDetail }) {
  return (
    <section aria-label="Pod summary" className="card px-4 py-4">
      <KeyValueList
        items={[
          { label: 'Namespace', value: pod.namespace },
          {
            label: 'Node',
            value: pod.node && <span className="font-mono text-xs">{pod.node}</span>,
          },
          {
            label: 'Runs on',
            value: (
              <span className="inline-flex flex-wrap items-center gap-2">
                <RunsOnChip runsOn={pod.runsOn} />
                {pod.fargateProfile && pod.fargateProfile !== pod.runsOn.name && (
                  <span className="text-fg-muted">Fargate profile {pod.fargateProfile}</span>
                )}
              </span>
            ),
          },
          { label: 'Pod IP', value: pod.ip && <span className="font-mono text-xs">{pod.ip}</span> },
          { label: 'Owner', value: pod.owner && `${pod.owner.kind} ${pod.owner.name}` },
          { label: 'Created', value: <RelativeTime iso={pod.createdAt} /> },
          { label: 'Containers ready', value: `${pod.readyContainers}/${pod.containers}` },
          { label: 'Restarts', value: String(pod.restarts) },
          { label: 'Labels', value: chipList({ label: 'Labels', items: pairs(pod.labels) }) },
          {
            label: 'Node selector',
            value: chipList({ label: 'Node selector', items: pairs(pod.nodeSelector) }),
          },
          {
            label: 'Tolerations',
            value: chipList({ label: 'Tolerations', items: pod.tolerations, tone: 'warning' }),
          },
        ]}
      />
    </section>
  );
}
