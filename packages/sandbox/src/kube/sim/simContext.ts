import type { Random } from '../../world/random.ts';
import type { ClusterRecord } from '../../world/eks/types.ts';
import type { World } from '../../world/world.ts';
import type { ObjectStore } from '../objects/objectStore.ts';
import type { ContainerLogs } from './containerLogs.ts';
import type { EventRecorder } from './events.ts';
import type { TimerQueue } from './timers.ts';

/** What every part of one cluster's simulation shares. */
export interface SimContext {
  world: World;
  cluster: ClusterRecord;
  store: ObjectStore;
  /** Seeded from the cluster's ARN: the same world evolves the same way. */
  random: Random;
  /** Calendar time, for timestamps. */
  now(): Date;
  /** Simulated milliseconds, for durations (honours `speed`). */
  simNow(): number;
  timers: TimerQueue;
  events: EventRecorder;
  logs: ContainerLogs;
  /**
   * True while the seed settles the cluster: pods reach the state they would
   * have after days of running at once, with timestamps in the past.
   */
  warming: boolean;
  /** While warming: pods are born after this (ms), when the newest node joined. */
  warmFloor?: number;
  /** Randomness in behaviour (nodes going NotReady now and then); off in unit tests. */
  flaky: boolean;
  /** Something changed that may let a pending pod fit (node added, pod gone). */
  markSchedulingChanged(): void;
  /** Owners (by uid) whose controllers must reconcile on the next pass. */
  dirty: Set<string>;
}

/** The cluster's network: pod and node IPs are drawn from its VPC range. */
export function vpcPrefix(context: SimContext): string {
  const cidr = context.world.region(context.cluster.accountId, context.cluster.region).network
    .cidrBlock;
  return cidr.split('.').slice(0, 2).join('.');
}

/** A private IP in the VPC (pods and Fargate nodes take them, as the VPC CNI hands them out). */
export function vpcIp(context: SimContext): string {
  return `${vpcPrefix(context)}.${context.random.int(0, 95)}.${context.random.int(4, 254)}`;
}

/** EC2's DNS suffix: ec2.internal in us-east-1, <region>.compute.internal elsewhere. */
export function internalDomain(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}
