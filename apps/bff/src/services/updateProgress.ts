import type { Update as EksUpdate } from '@aws-sdk/client-eks';
import type { Instance, Update } from '@wheelhouse/contract';

/** What the instances show of a node group update in progress. */
export type UpdateSteps = NonNullable<Update['steps']>;

const isInService = (i: Instance) =>
  (i.lifecycleState ?? 'InService') === 'InService' && i.state === 'running';

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/**
 * The steps a node group update has taken, counted from the instances Auto Scaling reports: EKS
 * itself only says InProgress. Undefined when the instances cannot tell (labels and taints, for
 * example, change no instance), so the console shows an indeterminate bar rather than a number.
 */
export function updateSteps(
  update: EksUpdate,
  desired: number,
  instances: Instance[],
): UpdateSteps | undefined {
  if (update.status !== 'InProgress') return undefined;
  const types = new Set((update.params ?? []).map((param) => param.type));
  const live = instances.filter((i) => i.state !== 'terminated' && i.state !== 'shutting-down');
  if (types.has('Version') || types.has('ReleaseVersion')) {
    if (desired <= 0) return undefined;
    // A node is replaced once a new instance runs in its place and the old one is gone.
    const since = update.createdAt?.getTime() ?? 0;
    const isNew = (i: Instance) => !!i.launchTime && Date.parse(i.launchTime) >= since;
    const newRunning = live.filter((i) => isNew(i) && isInService(i)).length;
    const oldGone = Math.max(0, desired - live.filter((i) => !isNew(i)).length);
    const replaced = Math.min(desired, newRunning, oldGone);
    return {
      text: `${replaced} of ${desired} ${plural(desired, 'node', 'nodes')} replaced`,
      done: replaced,
      total: desired,
    };
  }
  if (types.has('DesiredSize') || types.has('MinSize') || types.has('MaxSize')) {
    const ready = live.filter(isInService).length;
    if (ready <= desired && desired > 0) {
      return {
        text: `${ready} of ${desired} ${plural(desired, 'instance', 'instances')} InService`,
        done: ready,
        total: desired,
      };
    }
    // Scaling in: how many there were at the start is not known, so there is no fraction to show.
    return {
      text: `${ready} ${plural(ready, 'instance', 'instances')} InService, scaling in to ${desired}`,
    };
  }
  return undefined;
}

/** 0-100 from counted steps; below 100 until EKS says the update succeeded. */
export function progressOf(update: EksUpdate, steps: UpdateSteps | undefined): number | undefined {
  if (update.status === 'Successful') return 100;
  if (!steps || steps.done === undefined || !steps.total) return undefined;
  return Math.min(99, Math.round((steps.done / steps.total) * 100));
}
