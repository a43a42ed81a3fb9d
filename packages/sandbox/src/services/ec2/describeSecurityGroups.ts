import { AwsError } from '../../awsError.ts';
import {
  securityGroupsOf,
  type SecurityGroupRecord,
  type SecurityGroupRule,
} from '../../world/ec2/securityGroups.ts';
import type { RegionState } from '../../world/world.ts';
import { ec2Filters, keysetPage, queryList } from '../queryLists.ts';
import { applyFilters } from './ec2Filters.ts';
import { ec2Errors, ec2MaxResults, type Ec2Elements, type Ec2Xml } from './ec2Protocol.ts';
import { tagItems } from './instanceWire.ts';

/** DescribeSecurityGroups by id, name and filters; rules as EC2 lists them (`-1` for every protocol). */

function ruleWire(rule: SecurityGroupRule, accountId: string): Ec2Elements {
  const optional = (items: Ec2Xml[]) => ({ items });
  return [
    ['ipProtocol', rule.protocol],
    ['fromPort', rule.fromPort],
    ['toPort', rule.toPort],
    [
      'groups',
      optional(
        rule.groupIds.map((groupId): Ec2Elements => [
          ['userId', accountId],
          ['groupId', groupId],
          ['description', rule.description],
        ]),
      ),
    ],
    [
      'ipRanges',
      optional(
        rule.cidrs.map((cidr): Ec2Elements => [
          ['cidrIp', cidr],
          ['description', rule.description],
        ]),
      ),
    ],
    ['ipv6Ranges', optional([])],
    ['prefixListIds', optional([])],
  ];
}

function groupWire(state: RegionState, group: SecurityGroupRecord): Ec2Elements {
  return [
    ['ownerId', state.accountId],
    ['groupId', group.id],
    ['groupName', group.name],
    ['groupDescription', group.description],
    ['ipPermissions', { items: group.ingress.map((rule) => ruleWire(rule, state.accountId)) }],
    ['ipPermissionsEgress', { items: group.egress.map((rule) => ruleWire(rule, state.accountId)) }],
    ['vpcId', group.vpcId],
    [
      'securityGroupArn',
      `arn:aws:ec2:${state.region}:${state.accountId}:security-group/${group.id}`,
    ],
    ['tagSet', Object.keys(group.tags).length > 0 ? tagItems(group.tags) : undefined],
  ];
}

export function describeSecurityGroups(
  state: RegionState,
  params: Record<string, string>,
): Ec2Elements {
  const ids = queryList(params, 'GroupId', 'ec2');
  const names = queryList(params, 'GroupName', 'ec2');
  const maxResults = ec2MaxResults(params.MaxResults);
  if (maxResults !== undefined && (ids.length > 0 || names.length > 0)) {
    throw ec2Errors.invalidParameterCombination(
      'The parameter groupIds cannot be used with the parameter maxResults',
    );
  }
  let groups = securityGroupsOf(state);
  const missingId = ids.find((id) => !groups.some((group) => group.id === id));
  if (missingId) {
    throw new AwsError(
      'InvalidGroup.NotFound',
      400,
      `The security group '${missingId}' does not exist`,
    );
  }
  const missingName = names.find((name) => !groups.some((group) => group.name === name));
  if (missingName) {
    throw new AwsError(
      'InvalidGroup.NotFound',
      400,
      `The security group '${missingName}' does not exist in default VPC '${state.network.vpcId}'`,
    );
  }
  if (ids.length > 0) groups = groups.filter((group) => ids.includes(group.id));
  if (names.length > 0) groups = groups.filter((group) => names.includes(group.name));
  const filtered = applyFilters(
    groups,
    ec2Filters(params),
    {
      'group-id': (group) => [group.id],
      'group-name': (group) => [group.name],
      description: (group) => [group.description],
      'vpc-id': (group) => [group.vpcId],
      'owner-id': () => [state.accountId],
      'ip-permission.protocol': (group) => group.ingress.map((rule) => rule.protocol),
      'ip-permission.cidr': (group) => group.ingress.flatMap((rule) => rule.cidrs),
      'ip-permission.group-id': (group) => group.ingress.flatMap((rule) => rule.groupIds),
      'ip-permission.from-port': (group) => group.ingress.map((rule) => rule.fromPort?.toString()),
      'ip-permission.to-port': (group) => group.ingress.map((rule) => rule.toPort?.toString()),
      'egress.ip-permission.cidr': (group) => group.egress.flatMap((rule) => rule.cidrs),
    },
    (group) => group.tags,
  );
  const page = keysetPage(
    filtered,
    (group) => group.id,
    { size: maxResults, token: params.NextToken },
    () => ec2Errors.invalidPaginationToken(params.NextToken ?? ''),
  );
  return [
    ['securityGroupInfo', { items: page.items.map((group) => groupWire(state, group)) }],
    ['nextToken', page.nextToken],
  ];
}
