import { AwsError } from '../../awsError.ts';
import { availabilityZoneId } from '../../world/ec2/addresses.ts';
import { parseCidr } from '../../world/eks/validation.ts';
import type { RegionState, SubnetRecord, World } from '../../world/world.ts';
import { ec2Filters, keysetPage, queryList } from '../queryLists.ts';
import { applyFilters, type FilterAttributes } from './ec2Filters.ts';
import { ec2Errors, ec2MaxResults, type Ec2Elements } from './ec2Protocol.ts';
import { tagItems } from './instanceWire.ts';

/**
 * DescribeSubnets for the account-region's VPC. Public subnets map public IPs
 * on launch and carry kubernetes.io/role/elb; private ones
 * kubernetes.io/role/internal-elb (how load balancer controllers pick them);
 * each EKS cluster using a subnet tags it kubernetes.io/cluster/<name>=shared.
 */

function subnetTags(state: RegionState, subnet: SubnetRecord): Record<string, string> {
  const tags: Record<string, string> = {
    Name: `wheelhouse-${subnet.public ? 'public' : 'private'}-${subnet.availabilityZone}`,
    [subnet.public ? 'kubernetes.io/role/elb' : 'kubernetes.io/role/internal-elb']: '1',
  };
  for (const cluster of state.clusters.values()) {
    if (cluster.kind === 'eks' && cluster.vpc.subnetIds.includes(subnet.id))
      tags[`kubernetes.io/cluster/${cluster.name}`] = 'shared';
  }
  return tags;
}

function availableAddresses(world: World, state: RegionState, subnet: SubnetRecord): number {
  const prefix = parseCidr(subnet.cidrBlock)?.prefix ?? 24;
  const used = world.ec2
    .instances(state.accountId, state.region)
    .filter(
      (instance) => instance.subnetId === subnet.id && instance.state !== 'terminated',
    ).length;
  // EC2 reserves five addresses of every subnet.
  return 2 ** (32 - prefix) - 5 - used;
}

export function describeSubnets(
  world: World,
  state: RegionState,
  params: Record<string, string>,
): Ec2Elements {
  const ids = queryList(params, 'SubnetId', 'ec2');
  const maxResults = ec2MaxResults(params.MaxResults);
  let subnets = state.network.subnets;
  const missing = ids.filter((id) => !subnets.some((subnet) => subnet.id === id));
  if (missing.length > 0) {
    throw new AwsError(
      'InvalidSubnetID.NotFound',
      400,
      missing.length === 1
        ? `The subnet ID '${missing[0]}' does not exist`
        : `The subnet IDs '${missing.join(', ')}' do not exist`,
    );
  }
  if (ids.length > 0) subnets = subnets.filter((subnet) => ids.includes(subnet.id));
  const attributes: FilterAttributes<SubnetRecord> = {
    'subnet-id': (subnet) => [subnet.id],
    'vpc-id': () => [state.network.vpcId],
    'availability-zone': (subnet) => [subnet.availabilityZone],
    'availability-zone-id': (subnet) => [availabilityZoneId(subnet.availabilityZone)],
    'cidr-block': (subnet) => [subnet.cidrBlock],
    cidr: (subnet) => [subnet.cidrBlock],
    cidrBlock: (subnet) => [subnet.cidrBlock],
    'default-for-az': () => ['false'],
    'map-public-ip-on-launch': (subnet) => [String(subnet.public)],
    state: () => ['available'],
    'owner-id': () => [state.accountId],
  };
  const filtered = applyFilters(subnets, ec2Filters(params), attributes, (subnet) =>
    subnetTags(state, subnet),
  );
  const page = keysetPage(
    filtered,
    (subnet) => subnet.id,
    { size: maxResults, token: params.NextToken },
    () => ec2Errors.invalidPaginationToken(params.NextToken ?? ''),
  );
  return [
    [
      'subnetSet',
      {
        items: page.items.map((subnet): Ec2Elements => [
          ['subnetId', subnet.id],
          ['subnetArn', `arn:aws:ec2:${state.region}:${state.accountId}:subnet/${subnet.id}`],
          ['state', 'available'],
          ['ownerId', state.accountId],
          ['vpcId', state.network.vpcId],
          ['cidrBlock', subnet.cidrBlock],
          ['availableIpAddressCount', availableAddresses(world, state, subnet)],
          ['availabilityZone', subnet.availabilityZone],
          ['availabilityZoneId', availabilityZoneId(subnet.availabilityZone)],
          ['defaultForAz', false],
          ['mapPublicIpOnLaunch', subnet.public],
          ['mapCustomerOwnedIpOnLaunch', false],
          ['assignIpv6AddressOnCreation', false],
          ['tagSet', tagItems(subnetTags(state, subnet))],
        ]),
      },
    ],
    ['nextToken', page.nextToken],
  ];
}
