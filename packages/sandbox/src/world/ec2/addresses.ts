import type { Random } from '../random.ts';
import type { SubnetRecord } from '../world.ts';
import { parseCidr } from '../eks/validation.ts';

/** Private addressing of instances: an IP inside the subnet and EC2's private DNS name for it. */

function ipOf(address: number): string {
  return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.');
}

/**
 * A free private IP of the subnet: EC2 keeps the first four addresses and the
 * last one of every subnet, so hosts are drawn from the rest.
 */
export function allocatePrivateIp(
  subnet: SubnetRecord,
  taken: Set<string>,
  random: Random,
): string {
  const cidr = parseCidr(subnet.cidrBlock);
  if (!cidr) throw new Error(`subnet ${subnet.id} has no valid CIDR block (${subnet.cidrBlock})`);
  const size = 2 ** (32 - cidr.prefix);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const ip = ipOf(cidr.address + random.int(4, size - 2));
    if (!taken.has(ip)) return ip;
  }
  throw new Error(`subnet ${subnet.id} has no free address left`);
}

/** ip-10-0-1-23.eu-west-1.compute.internal; us-east-1 alone uses ip-10-0-1-23.ec2.internal. */
export function privateDnsName(region: string, ip: string): string {
  const host = `ip-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

/** The AZ id EC2 pairs with a zone name: us-east-1a → use1-az1, ap-southeast-2c → apse2-az3. */
export function availabilityZoneId(zone: string): string {
  const match = /^([a-z]+)-([a-z]+)-(\d+)([a-z])$/.exec(zone);
  if (!match) return zone;
  const [, area, direction, number, letter] = match;
  const compass = direction!
    .replace('north', 'n')
    .replace('south', 's')
    .replace('east', 'e')
    .replace('west', 'w')
    .replace('central', 'c');
  return `${area}${compass}${number}-az${letter!.charCodeAt(0) - 96}`;
}
