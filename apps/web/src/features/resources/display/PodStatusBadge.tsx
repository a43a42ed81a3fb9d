import type { PodSummary } from '@wheelhouse/contract';
import { TONE_CHIP_CLASSES, TONE_DOT_CLASSES } from '../../../components/statusTone.ts';
import { podStatusText, podStatusTone } from './podStatus.ts';

/** A pod's status as a coloured badge; `data-tone` says the colour family (for tests and e2e). */
export function PodStatusBadge({ pod }: { pod: Pick<PodSummary, 'phase' | 'reason'> }) {
  const tone = podStatusTone(pod);
  const text = podStatusText(pod);
  return (
    <span
      data-tone={tone}
      title={pod.reason ? `${pod.phase}: ${pod.reason}` : pod.phase}
      className={`inline-flex max-w-full items-center gap-1.5 truncate rounded-full border px-2 py-px text-xs leading-4 font-medium whitespace-nowrap ${TONE_CHIP_CLASSES[tone]}`}
    >
      <span
        aria-hidden="true"
        className={`size-2 shrink-0 rounded-full ${TONE_DOT_CLASSES[tone]}`}
      />
      {text}
    </span>
  );
}
