import { parseCidr } from '../../world/eks/validation.ts';
import type { SubnetRecord } from '../../world/world.ts';
import type { ObjectStore } from '../objects/objectStore.ts';
import { vpcIp, type SimContext } from './simContext.ts';

/**
 * Addresses as the VPC CNI hands them out: a pod's IP comes from its node's
 * subnet (secondary IPs of the node's ENIs), and a Fargate node's IP from one
 * of its profile's subnets. IPs already handed out in a cluster are not given
 * again.
 */

const handedOut = new WeakMap<ObjectStore, Set<string>>();

function ipOf(address: number): string {
  return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.');
}

function inCidr(ip: string, cidrBlock: string): boolean {
  const cidr = parseCidr(cidrBlock);
  const address = parseCidr(`${ip}/32`)?.address;
  if (!cidr || address === undefined) return false;
  const size = 2 ** (32 - cidr.prefix);
  return address >= cidr.address && address < cidr.address + size;
}

/** The subnet of the cluster's VPC an address lies in. */
export function subnetOfAddress(context: SimContext, ip: string): SubnetRecord | undefined {
  const { network } = context.world.region(context.cluster.accountId, context.cluster.region);
  return network.subnets.find((subnet) => inCidr(ip, subnet.cidrBlock));
}

/** A free address of the subnet (EC2 keeps its first four and its last address). */
export function subnetIp(context: SimContext, subnet: SubnetRecord): string {
  const taken = handedOut.get(context.store) ?? new Set<string>();
  handedOut.set(context.store, taken);
  const cidr = parseCidr(subnet.cidrBlock)!;
  const size = 2 ** (32 - cidr.prefix);
  let ip = ipOf(cidr.address + context.random.int(4, size - 2));
  for (let attempt = 0; attempt < 200 && taken.has(ip); attempt++) {
    ip = ipOf(cidr.address + context.random.int(4, size - 2));
  }
  taken.add(ip);
  return ip;
}

/** A pod IP on the node whose InternalIP is `hostIp`: from the node's subnet (any VPC address off EC2). */
export function podIpOnHost(context: SimContext, hostIp: string | undefined): string {
  const subnet = hostIp ? subnetOfAddress(context, hostIp) : undefined;
  return subnet ? subnetIp(context, subnet) : vpcIp(context);
}
