import type { FargateOverlap } from '@wheelhouse/contract';
import { AlertIcon } from '../../components/Icons.tsx';
import { labelPairs } from './computeDisplay.ts';

/** "Profiles a and b can both match pods in namespace n with labels k=v; EKS picks one of them at random." */
export function overlapText(overlap: FargateOverlap): string {
  const [a, b] = overlap.profiles;
  const labels = labelPairs(overlap.labels);
  return `Profiles ${a} and ${b} can both match pods in namespace ${overlap.namespace}${
    labels.length ? ` with labels ${labels.join(', ')}` : ''
  }; EKS picks one of them at random.`;
}

/** Pairs of profiles that can take the same pod: a standing warning, not an error. */
export function FargateOverlaps({ overlaps }: { overlaps: FargateOverlap[] }) {
  if (overlaps.length === 0) return null;
  return (
    <div className="rounded-lg border border-warning-line bg-warning-bg px-4 py-3 text-warning-fg">
      <p className="flex items-center gap-2 font-semibold">
        <AlertIcon className="size-4 shrink-0" />
        Overlapping Fargate profiles
      </p>
      <ul aria-label="Overlapping Fargate profiles" className="mt-1 flex flex-col gap-1 text-fg">
        {overlaps.map((overlap) => (
          <li key={`${overlap.profiles.join('|')}|${overlap.namespace}`}>{overlapText(overlap)}</li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-fg">
        Make the selectors disjoint (a distinct namespace or label) so each pod has one profile.
      </p>
    </div>
  );
}
