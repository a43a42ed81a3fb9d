import { kubeTime } from '../../objects/meta.ts';
import type { Condition } from '../../objects/types.ts';

/** A status condition whose lastTransitionTime moves only when its status changes, as controllers keep it. */
export function condition(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  at: Date,
  previous: Condition[] | undefined,
): Condition {
  const before = previous?.find((entry) => entry.type === type);
  return {
    type,
    status,
    lastTransitionTime: before?.status === status ? before.lastTransitionTime! : kubeTime(at),
    // The VPA writes some conditions bare (RecommendationProvided): no reason, no message.
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}
