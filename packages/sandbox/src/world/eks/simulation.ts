import type { World } from '../world.ts';
import { expireActivations } from './registrations.ts';

/** Registers EKS's own per-tick behaviour (timed jobs run through the scheduler already). */
export function installEksSimulation(world: World): () => void {
  return world.scheduler.onTick(() => expireActivations(world));
}
