import type { Update as EksUpdate } from '@aws-sdk/client-eks';
import type { Instance } from '@wheelhouse/contract';

const inService = (instances: Instance[]) =>
  instances.filter(
    (i) => (i.lifecycleState ?? 'InService') === 'InService' && i.state === 'running',
  ).length;

/**
 * How far a node group update has come (0-100), estimated from the instances Auto Scaling reports;
 * EKS itself only says InProgress. Undefined when the instances cannot tell.
 */
export function updateProgress(
  update: EksUpdate,
  desired: number,
  instances: Instance[],
): number | undefined {
  if (update.status !== 'InProgress') return update.status === 'Successful' ? 100 : undefined;
  const types = new Set((update.params ?? []).map((param) => param.type));
  const live = instances.filter((i) => i.state !== 'terminated' && i.state !== 'shutting-down');
  if (desired <= 0) return undefined;
  if (types.has('Version') || types.has('ReleaseVersion')) {
    // A rolling replacement is one launch and one termination per instance: count both halves.
    const since = update.createdAt?.getTime() ?? 0;
    const isNew = (i: Instance) => !!i.launchTime && Date.parse(i.launchTime) >= since;
    const newRunning = live.filter((i) => isNew(i) && i.state === 'running').length;
    const oldLeft = live.filter((i) => !isNew(i)).length;
    const oldGone = Math.max(0, desired - oldLeft);
    return Math.min(99, Math.round(((newRunning + oldGone) / (2 * desired)) * 100));
  }
  if (types.has('DesiredSize')) {
    const ready = inService(live);
    const gap = Math.abs(ready - desired);
    return Math.max(0, Math.min(99, Math.round(100 - (gap / Math.max(desired, ready, 1)) * 100)));
  }
  return undefined;
}
