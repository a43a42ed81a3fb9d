import type { AutoscalingView } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { KeyValueList } from '../../../components/KeyValueList.tsx';

type NodeAutoscaler = AutoscalingView['nodeAutoscalers'][number];

const ABOUT: Record<NodeAutoscaler['kind'], { name: string; does: string }> = {
  'cluster-autoscaler': {
    name: 'Cluster Autoscaler',
    does: 'Cluster Autoscaler watches for pods that cannot be scheduled and changes the desired size of the Auto Scaling groups behind node groups (within their min and max), and removes nodes that stay underused.',
  },
  karpenter: {
    name: 'Karpenter',
    does: 'Karpenter launches EC2 capacity directly for pending pods, choosing instance types that fit them (no Auto Scaling group in between), and consolidates or removes nodes that are no longer needed.',
  },
};

function AutoscalerCard({ kind, found }: { kind: NodeAutoscaler['kind']; found?: NodeAutoscaler }) {
  const about = ABOUT[kind];
  return (
    <section aria-label={about.name} className="card flex flex-col gap-3 px-4 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{about.name}</h3>
        {found ? (
          <Chip tone={found.running ? 'success' : 'danger'}>
            {found.running ? 'Running' : 'Not running'}
          </Chip>
        ) : (
          <Chip>Not installed</Chip>
        )}
      </div>
      <p className="text-fg-muted">{about.does}</p>
      {found && (
        <KeyValueList
          label={`${about.name} details`}
          items={[
            { label: 'Namespace', value: found.namespace },
            { label: 'Deployment', value: found.workload },
            { label: 'Version', value: found.version },
          ]}
        />
      )}
    </section>
  );
}

/** Which node autoscaler the cluster runs (Cluster Autoscaler, Karpenter, both or none) and what each does. */
export function NodeAutoscalers({ autoscalers }: { autoscalers: NodeAutoscaler[] }) {
  const find = (kind: NodeAutoscaler['kind']) => autoscalers.find((a) => a.kind === kind);
  return (
    <div className="flex flex-col gap-3">
      {autoscalers.length === 0 && (
        <p>
          Neither Cluster Autoscaler nor Karpenter runs in this cluster: node counts change only
          when someone changes a node group&apos;s desired size (Fargate pods get capacity of their
          own).
        </p>
      )}
      <div className="grid gap-3 md:grid-cols-2">
        <AutoscalerCard kind="cluster-autoscaler" found={find('cluster-autoscaler')} />
        <AutoscalerCard kind="karpenter" found={find('karpenter')} />
      </div>
    </div>
  );
}
