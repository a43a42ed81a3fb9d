import type { World } from '../world.ts';

/** A change that ends when the world reaches a state, not after a fixed time. */
export interface Convergence {
  /** Simulated ms it takes at least (EKS's own work besides the instances'). */
  minMs: number;
  /** Simulated ms after which it fails if still not reached. */
  timeoutMs: number;
  /** False when the thing it changes is gone: the watch is dropped silently. */
  relevant(): boolean;
  reached(): boolean;
  done(): void;
  failed(): void;
}

interface Watch extends Convergence {
  startedAt: number;
}

const watchesByWorld = new WeakMap<World, Set<Watch>>();

/** Watches a change until it is reached (then `done`) or times out (then `failed`). */
export function watchConvergence(world: World, convergence: Convergence): void {
  let watches = watchesByWorld.get(world);
  if (!watches) {
    watches = new Set();
    watchesByWorld.set(world, watches);
  }
  watches.add({ ...convergence, startedAt: world.clock.elapsedMs() });
}

/** Checks every watch once (a tick hook, after Auto Scaling reconciled). */
export function checkConvergences(world: World): void {
  const watches = watchesByWorld.get(world);
  if (!watches) return;
  const now = world.clock.elapsedMs();
  for (const watch of [...watches]) {
    if (!watch.relevant()) {
      watches.delete(watch);
      continue;
    }
    const elapsed = now - watch.startedAt;
    if (elapsed >= watch.minMs && watch.reached()) {
      watches.delete(watch);
      watch.done();
    } else if (elapsed >= watch.timeoutMs) {
      watches.delete(watch);
      watch.failed();
    }
  }
}
