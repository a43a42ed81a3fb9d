import type { AccountRecord } from './accounts.ts';
import type { WorldClock } from './clock.ts';
import { AutoScalingStore } from './ec2/autoScalingStore.ts';
import { InstanceStore } from './ec2/instanceStore.ts';
import type { ClusterRecord } from './eks/types.ts';
import { IdempotencyStore } from './idempotency.ts';
import { hashSeed, seededRandom } from './random.ts';
import { Scheduler } from './scheduler.ts';

/** How long transitions take, in simulated milliseconds (divided by `speed` in real time). */
export interface TransitionTimings {
  clusterCreateMs: number;
  clusterUpdateMs: number;
  clusterDeleteMs: number;
  nodegroupCreateMs: number;
  nodegroupUpdateMs: number;
  nodegroupDeleteMs: number;
  fargateProfileCreateMs: number;
  fargateProfileDeleteMs: number;
  deregisterMs: number;
  /** How long a RegisterCluster activation stays usable (EKS: 3 days, calendar time). */
  activationLifetimeMs: number;
  /** EC2 instance pending → running. */
  instanceLaunchMs: number;
  /** EC2 instance shutting-down → terminated. */
  instanceTerminateMs: number;
  /** How long EC2 keeps listing a terminated instance. */
  terminatedInstanceRetentionMs: number;
  /** Pause between two scaling activities of one Auto Scaling group (each launches or terminates a few instances). */
  autoScalingStepMs: number;
  /** A node group change whose instances never converge fails after this long. */
  nodegroupUpdateTimeoutMs: number;
  addonCreateMs: number;
  addonUpdateMs: number;
  addonDeleteMs: number;
}

export const DEFAULT_TIMINGS: TransitionTimings = {
  clusterCreateMs: 60_000,
  clusterUpdateMs: 30_000,
  clusterDeleteMs: 30_000,
  nodegroupCreateMs: 45_000,
  nodegroupUpdateMs: 30_000,
  nodegroupDeleteMs: 30_000,
  fargateProfileCreateMs: 20_000,
  fargateProfileDeleteMs: 20_000,
  deregisterMs: 5_000,
  activationLifetimeMs: 3 * 24 * 3_600_000,
  instanceLaunchMs: 20_000,
  instanceTerminateMs: 15_000,
  terminatedInstanceRetentionMs: 3_600_000,
  autoScalingStepMs: 5_000,
  nodegroupUpdateTimeoutMs: 20 * 60_000,
  addonCreateMs: 30_000,
  addonUpdateMs: 30_000,
  addonDeleteMs: 20_000,
};

/** A subnet of a region's VPC (EC2 simulation will serve these through DescribeSubnets). */
export interface SubnetRecord {
  id: string;
  availabilityZone: string;
  cidrBlock: string;
  public: boolean;
}

/** The default network of one account in one region. */
export interface RegionNetwork {
  vpcId: string;
  cidrBlock: string;
  subnets: SubnetRecord[];
  /** A security group clusters may use besides their own cluster security group. */
  securityGroupId: string;
}

/** Everything one account holds in one region. Later simulations add their own members. */
export interface RegionState {
  accountId: string;
  region: string;
  network: RegionNetwork;
  clusters: Map<string, ClusterRecord>;
}

function defaultNetwork(accountId: string, region: string): RegionNetwork {
  const random = seededRandom(`network:${accountId}:${region}`);
  const second = hashSeed(`${accountId}:${region}`) % 200;
  const subnets: SubnetRecord[] = [];
  for (const [index, zone] of ['a', 'b', 'c'].entries()) {
    subnets.push({
      id: `subnet-0${random.hex(16)}`,
      availabilityZone: `${region}${zone}`,
      cidrBlock: `10.${second}.${index * 32}.0/19`,
      public: false,
    });
  }
  for (const [index, zone] of ['a', 'b', 'c'].entries()) {
    subnets.push({
      id: `subnet-0${random.hex(16)}`,
      availabilityZone: `${region}${zone}`,
      cidrBlock: `10.${second}.${96 + index * 16}.0/20`,
      public: true,
    });
  }
  return {
    vpcId: `vpc-0${random.hex(16)}`,
    cidrBlock: `10.${second}.0.0/16`,
    subnets,
    securityGroupId: `sg-0${random.hex(16)}`,
  };
}

/**
 * The simulated world: accounts, per account-and-region state, one clock and
 * one scheduler. Services read and change it; `tick()` advances transitions
 * and runs the hooks later simulations register with `scheduler.onTick`.
 */
export class World {
  readonly scheduler: Scheduler;
  readonly idempotency = new IdempotencyStore();
  /** EC2 instances of every account-region: `instances(accountId, region)`, `onChange(listener)`. */
  readonly ec2 = new InstanceStore();
  /** Auto Scaling groups and launch templates of every account-region. */
  readonly autoScaling = new AutoScalingStore();
  private readonly states = new Map<string, RegionState>();

  constructor(
    readonly accounts: AccountRecord[],
    readonly regions: string[],
    readonly clock: WorldClock,
    readonly timings: TransitionTimings = DEFAULT_TIMINGS,
  ) {
    this.scheduler = new Scheduler(clock);
  }

  now(): Date {
    return this.clock.now();
  }

  account(accountId: string): AccountRecord | undefined {
    return this.accounts.find((account) => account.id === accountId);
  }

  /** The state of one account in one region, created empty on first use (any region name works, as on AWS). */
  region(accountId: string, region: string): RegionState {
    const key = `${accountId}|${region}`;
    let state = this.states.get(key);
    if (!state) {
      state = {
        accountId,
        region,
        network: defaultNetwork(accountId, region),
        clusters: new Map(),
      };
      this.states.set(key, state);
    }
    return state;
  }

  /** Every region state created so far (seeded ones and those touched by calls). */
  regionStates(): RegionState[] {
    return [...this.states.values()];
  }

  tick(): void {
    this.scheduler.tick();
  }
}
