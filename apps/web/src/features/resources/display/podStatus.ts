import type { PodSummary } from '@wheelhouse/contract';
import type { Tone } from '../../../components/statusTone.ts';

// Reasons that mean the pod will not get better by itself: someone has to look.
const BROKEN_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'OOMKilled',
  'Error',
  'Evicted',
  'DeadlineExceeded',
  'ContainerCannotRun',
]);

/** The STATUS kubectl would print: the reason when the pod is unwell, else its phase. */
export function podStatusText(pod: Pick<PodSummary, 'phase' | 'reason'>): string {
  return pod.reason ?? pod.phase;
}

/**
 * Red for what needs a person (CrashLoopBackOff, ImagePullBackOff, Failed), amber for waiting
 * (Pending, Unschedulable), green for Running, grey for Succeeded, Unknown and Terminating.
 */
export function podStatusTone(pod: Pick<PodSummary, 'phase' | 'reason'>): Tone {
  if (pod.phase === 'Failed' || (pod.reason && BROKEN_REASONS.has(pod.reason))) return 'danger';
  // On its way out (its grace period running): not a fault, nothing for a person to do.
  if (pod.reason === 'Terminating') return 'neutral';
  if (pod.phase === 'Pending') return 'warning';
  if (pod.reason) return 'warning';
  if (pod.phase === 'Running') return 'success';
  return 'neutral';
}
