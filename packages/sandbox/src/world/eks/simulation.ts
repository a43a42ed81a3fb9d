import { reconcileAutoScaling } from '../ec2/autoScalingController.ts';
import type { World } from '../world.ts';
import { checkConvergences } from './convergence.ts';
import { syncNodegroupScaling } from './nodegroupCompute.ts';
import { expireActivations } from './registrations.ts';

/**
 * Registers EKS's own per-tick behaviour (timed jobs run through the scheduler
 * already): Auto Scaling reconciles its groups first, then node group changes
 * waiting on those instances are checked, then sizes set on a node group's
 * Auto Scaling group directly show in the node group.
 */
export function installEksSimulation(world: World): () => void {
  return world.scheduler.onTick(() => {
    expireActivations(world);
    reconcileAutoScaling(world);
    checkConvergences(world);
    syncNodegroupScaling(world);
  });
}
