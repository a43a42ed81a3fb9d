import type { VersionSupport } from '@wheelhouse/contract';
import { Chip } from './Chip.tsx';
import { versionSupportView } from './versionSupport.ts';

/** "extended · until 2027-03-23": where a Kubernetes version stands in EKS's support calendar. */
export function VersionSupportChip({ support }: { support: VersionSupport }) {
  const { label, tone, detail, sentence } = versionSupportView(support);
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" title={sentence}>
      <Chip tone={tone}>{label}</Chip>
      {detail && <span className="text-xs text-fg-muted">{detail}</span>}
    </span>
  );
}
