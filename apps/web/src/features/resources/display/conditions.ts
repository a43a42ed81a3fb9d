import type { Condition } from '@wheelhouse/contract';
import type { Tone } from '../../../components/statusTone.ts';

// Conditions whose True is bad news (a failure, node pressure); for the rest True is good.
const TROUBLE_WHEN_TRUE = new Set([
  'ReplicaFailure',
  'Failed',
  'MemoryPressure',
  'DiskPressure',
  'PIDPressure',
  'NetworkUnavailable',
]);

/** True when the condition reports a problem (Available=False, MemoryPressure=True …). */
export function conditionIsTrouble(condition: Pick<Condition, 'type' | 'status'>): boolean {
  if (condition.status === 'Unknown') return true;
  return TROUBLE_WHEN_TRUE.has(condition.type)
    ? condition.status === 'True'
    : condition.status === 'False';
}

/** Green when fine (blue for Progressing), red for failures, amber for a good condition gone False. */
export function conditionTone(condition: Pick<Condition, 'type' | 'status'>): Tone {
  if (TROUBLE_WHEN_TRUE.has(condition.type)) {
    return condition.status === 'True' ? 'danger' : 'neutral';
  }
  if (condition.status === 'True') return condition.type === 'Progressing' ? 'info' : 'success';
  if (condition.type === 'Progressing' && condition.status === 'False') return 'danger';
  return 'warning';
}

/** "Available", or "Available: False" when it does not hold. */
export function conditionLabel(condition: Pick<Condition, 'type' | 'status'>): string {
  return condition.status === 'True' ? condition.type : `${condition.type}: ${condition.status}`;
}
