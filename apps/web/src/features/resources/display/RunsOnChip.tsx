import type { RunsOn } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';

/** "general" (managed node group), "self-managed", "Karpenter: default", "Fargate: default", or "unscheduled", as text. */
export function runsOnText(runsOn: RunsOn): string {
  switch (runsOn.kind) {
    case 'managed':
      return runsOn.name ?? 'managed node group';
    case 'self-managed':
      return runsOn.name ? `self-managed: ${runsOn.name}` : 'self-managed';
    case 'karpenter':
      return runsOn.name ? `Karpenter: ${runsOn.name}` : 'Karpenter';
    case 'fargate':
      return runsOn.name ? `Fargate: ${runsOn.name}` : 'Fargate';
    case 'unscheduled':
      return 'unscheduled';
  }
}

const TITLES: Record<RunsOn['kind'], string> = {
  managed: 'Managed node group',
  'self-managed': 'Self-managed node',
  karpenter: 'Karpenter NodePool',
  fargate: 'Fargate profile',
  unscheduled: 'Not scheduled on a node yet',
};

/** Where a pod or node runs in EKS terms, as a chip (blue node group, purple Fargate, grey self-managed). */
export function RunsOnChip({ runsOn }: { runsOn: RunsOn }) {
  const text = runsOnText(runsOn);
  const title = runsOn.name ? `${TITLES[runsOn.kind]} ${runsOn.name}` : TITLES[runsOn.kind];
  if (runsOn.kind === 'unscheduled') {
    return (
      <span className="text-fg-muted italic" title={title}>
        {text}
      </span>
    );
  }
  const tone =
    runsOn.kind === 'managed' || runsOn.kind === 'karpenter'
      ? 'info'
      : runsOn.kind === 'fargate'
        ? 'pending'
        : 'neutral';
  return (
    <Chip tone={tone} title={title}>
      {text}
    </Chip>
  );
}
