import { AwsError } from '../../awsError.ts';
import type { Ec2InstanceRecord } from '../../world/ec2/types.ts';
import type { World } from '../../world/world.ts';
import { ec2Filters, keysetPage, queryList } from '../queryLists.ts';
import { applyFilters, type FilterAttributes } from './ec2Filters.ts';
import { ec2Errors, ec2MaxResults, type Ec2Elements } from './ec2Protocol.ts';
import { AUTO_SCALING_REQUESTER, instanceStateCode, instanceToWire } from './instanceWire.ts';

/** DescribeInstances: ids or filters, pages of instances grouped into their reservations. */

const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

const ATTRIBUTES: FilterAttributes<Ec2InstanceRecord> = {
  'instance-id': (instance) => [instance.instanceId],
  'instance-state-name': (instance) => [instance.state],
  'instance-state-code': (instance) => [String(instanceStateCode(instance.state))],
  'instance-type': (instance) => [instance.instanceType],
  'instance-lifecycle': (instance) => [instance.lifecycle === 'spot' ? 'spot' : undefined],
  'availability-zone': (instance) => [instance.availabilityZone],
  'subnet-id': (instance) => [instance.subnetId],
  'vpc-id': (instance) => [instance.vpcId],
  'image-id': (instance) => [instance.imageId],
  'private-ip-address': (instance) => [instance.privateIpAddress],
  'private-dns-name': (instance) => [instance.privateDnsName],
  'iam-instance-profile.arn': (instance) => [instance.iamInstanceProfileArn],
  'reservation-id': (instance) => [instance.reservationId],
  'instance.group-id': (instance) => instance.securityGroupIds ?? [],
};

/** Every listed id must exist: EC2 names the missing ones (all of them) or the first malformed one. */
function byIds(instances: Ec2InstanceRecord[], ids: string[]): Ec2InstanceRecord[] {
  const malformed = ids.find((id) => !INSTANCE_ID.test(id));
  if (malformed)
    throw new AwsError('InvalidInstanceID.Malformed', 400, `Invalid id: "${malformed}"`);
  const missing = ids.filter((id) => !instances.some((instance) => instance.instanceId === id));
  if (missing.length === 1)
    throw new AwsError(
      'InvalidInstanceID.NotFound',
      400,
      `The instance ID '${missing[0]}' does not exist`,
    );
  if (missing.length > 1) {
    throw new AwsError(
      'InvalidInstanceID.NotFound',
      400,
      `The instance IDs '${missing.join(', ')}' do not exist`,
    );
  }
  return instances.filter((instance) => ids.includes(instance.instanceId));
}

export interface DescribeInstancesAnswer {
  body: Ec2Elements;
  count: number;
}

export function describeInstances(
  world: World,
  accountId: string,
  region: string,
  params: Record<string, string>,
): DescribeInstancesAnswer {
  const ids = queryList(params, 'InstanceId', 'ec2');
  const maxResults = ec2MaxResults(params.MaxResults);
  if (ids.length > 0 && maxResults !== undefined) {
    throw ec2Errors.invalidParameterCombination(
      'The parameter instancesSet cannot be used with the parameter maxResults',
    );
  }
  let instances = world.ec2.instances(accountId, region);
  if (ids.length > 0) instances = byIds(instances, ids);
  instances = applyFilters(instances, ec2Filters(params), ATTRIBUTES, (instance) => instance.tags);
  const page = keysetPage(
    instances,
    (instance) => instance.instanceId,
    { size: maxResults, token: params.NextToken },
    () => ec2Errors.invalidPaginationToken(params.NextToken ?? ''),
  );
  // Instances launched together share a reservation; a page shows the part of it that it holds.
  const reservations = new Map<string, Ec2InstanceRecord[]>();
  for (const instance of page.items) {
    const id = instance.reservationId ?? `r-${instance.instanceId.slice(2)}`;
    reservations.set(id, [...(reservations.get(id) ?? []), instance]);
  }
  return {
    count: page.items.length,
    body: [
      [
        'reservationSet',
        {
          items: [...reservations.entries()].map(([reservationId, members]): Ec2Elements => [
            ['reservationId', reservationId],
            ['ownerId', accountId],
            ['requesterId', members[0]!.autoScalingGroupName ? AUTO_SCALING_REQUESTER : undefined],
            ['instancesSet', { items: members.map(instanceToWire) }],
          ]),
        },
      ],
      ['nextToken', page.nextToken],
    ],
  };
}
