import { AwsError } from '../../awsError.ts';
import { membersOf } from '../../world/ec2/autoScalingGroups.ts';
import type { AutoScalingGroupRecord } from '../../world/ec2/autoScalingTypes.ts';
import type { World } from '../../world/world.ts';
import { keysetPage, memberFilters, queryList, type QueryFilter } from '../queryLists.ts';
import type { XmlElements } from '../queryProtocol.ts';
import { groupToWire } from './groupWire.ts';

/** DescribeAutoScalingGroups: by names and/or tag filters, MaxRecords per page (default 50, at most 100). */

const validation = (message: string) => new AwsError('ValidationError', 400, message);

function maxRecordsOf(raw: string | undefined): number {
  if (raw === undefined) return 50;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw validation(
      `1 validation error detected: Value '${raw}' at 'maxRecords' failed to satisfy constraint: Member must have value ${value < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'}`,
    );
  }
  return value;
}

/** tag-key, tag-value and tag:<key>; values of one filter are ORed, filters ANDed, matches exact. */
function matchesFilters(group: AutoScalingGroupRecord, filters: QueryFilter[]): boolean {
  const entries = Object.entries(group.tags);
  return filters.every((filter) => {
    if (filter.name === 'tag-key') return entries.some(([key]) => filter.values.includes(key));
    if (filter.name === 'tag-value')
      return entries.some(([, value]) => filter.values.includes(value));
    if (filter.name.startsWith('tag:')) {
      const value = group.tags[filter.name.slice(4)];
      return value !== undefined && filter.values.includes(value);
    }
    throw validation(
      `Filter type ${filter.name} is not correct. Allowed Filter types are: tag-key tag-value tag:<key>`,
    );
  });
}

export function describeAutoScalingGroups(
  world: World,
  accountId: string,
  region: string,
  params: Record<string, string>,
): XmlElements {
  const maxRecords = maxRecordsOf(params.MaxRecords);
  const names = queryList(params, 'AutoScalingGroupNames', 'member');
  const limit = Math.max(50, maxRecords);
  if (names.length > limit) {
    throw validation(
      `The number of AutoScalingGroupNames (${names.length}) exceeds the limit of ${limit}; raise MaxRecords to ask for more.`,
    );
  }
  const filters = memberFilters(params);
  const groups = world.autoScaling
    .groups(accountId, region)
    .filter((group) => names.length === 0 || names.includes(group.name))
    .filter((group) => matchesFilters(group, filters));
  const page = keysetPage(
    groups,
    (group) => group.name,
    { size: maxRecords, token: params.NextToken },
    () => new AwsError('InvalidNextToken', 400, `The token '${params.NextToken}' is invalid.`),
  );
  const includeInstances = params.IncludeInstances !== 'false';
  const subnets = world.region(accountId, region).network.subnets;
  return [
    [
      'AutoScalingGroups',
      {
        member: page.items.map((group) =>
          groupToWire(
            group,
            membersOf(world, group),
            includeInstances,
            [
              ...new Set(
                group.subnetIds
                  .map((id) => subnets.find((subnet) => subnet.id === id)?.availabilityZone)
                  .filter((zone): zone is string => zone !== undefined),
              ),
            ].sort(),
          ),
        ),
      },
    ],
    ['NextToken', page.nextToken],
  ];
}
