import { createAccount } from '../world/accounts.ts';
import { manualClock, type ManualClock } from '../world/clock.ts';
import { installEksSimulation } from '../world/eks/simulation.ts';
import { World } from '../world/world.ts';

/** A world on a manual clock with one account and no clusters: for unit tests of the model. */
export function testWorld(start?: Date): {
  world: World;
  clock: ManualClock;
  advance: (ms: number) => void;
  runFor: (ms: number, stepMs?: number) => void;
} {
  const clock = manualClock(start);
  const world = new World([createAccount('111122223333', 'unit')], ['us-east-1'], clock);
  installEksSimulation(world);
  return {
    world,
    clock,
    /** Moves time forward and runs what became due. */
    advance(ms: number) {
      clock.advance(ms);
      world.tick();
    },
    /** Moves time forward in steps, ticking after each: lets chains of transitions play out. */
    runFor(ms: number, stepMs = 1_000) {
      for (let elapsed = 0; elapsed < ms; elapsed += stepMs) {
        clock.advance(Math.min(stepMs, ms - elapsed));
        world.tick();
      }
    },
  };
}

export const TEST_SUBNETS = ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'];
export const TEST_ROLE = 'arn:aws:iam::111122223333:role/AmazonEKSClusterRole';

/** Two private subnets (zones a and b) of the test account's default VPC in us-east-1: CreateCluster checks they exist. */
export const TEST_CLUSTER_SUBNETS = testWorld()
  .world.region('111122223333', 'us-east-1')
  .network.subnets.filter((subnet) => !subnet.public)
  .slice(0, 2)
  .map((subnet) => subnet.id);
