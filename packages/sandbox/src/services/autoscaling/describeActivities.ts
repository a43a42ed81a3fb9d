import { AwsError } from '../../awsError.ts';
import { activityProgress, type ScalingActivityRecord } from '../../world/ec2/scalingActivities.ts';
import type { World } from '../../world/world.ts';
import { keysetPage, memberFilters, queryList } from '../queryLists.ts';
import type { XmlElements } from '../queryProtocol.ts';

/**
 * DescribeScalingActivities: newest first (in-progress ones before the rest),
 * MaxRecords up to 100; unknown activity ids and group names simply match
 * nothing, as Auto Scaling answers them.
 */

const validation = (message: string) => new AwsError('ValidationError', 400, message);

function maxRecordsOf(raw: string | undefined): number {
  if (raw === undefined) return 100;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw validation(
      `1 validation error detected: Value '${raw}' at 'maxRecords' failed to satisfy constraint: Member must have value ${value < 1 ? 'greater than or equal to 1' : 'less than or equal to 100'}`,
    );
  }
  return value;
}

function matches(
  activity: ScalingActivityRecord,
  statusCode: string,
  filters: ReturnType<typeof memberFilters>,
  hasGroup: boolean,
): boolean {
  return filters.every((filter) => {
    const bound = filter.values[0] ? Date.parse(filter.values[0]) : NaN;
    if (filter.name === 'StartTimeLowerBound' && !Number.isNaN(bound))
      return activity.startedAt.getTime() >= bound;
    if (filter.name === 'StartTimeUpperBound' && !Number.isNaN(bound))
      return activity.startedAt.getTime() <= bound;
    if (filter.name === 'Status') {
      if (!hasGroup)
        throw validation('The Status filter can only be used with AutoScalingGroupName.');
      return filter.values.includes(statusCode);
    }
    throw validation(
      `Filter type ${filter.name} is not correct. Allowed Filter types are: StartTimeLowerBound StartTimeUpperBound Status`,
    );
  });
}

export function describeScalingActivities(
  world: World,
  accountId: string,
  region: string,
  params: Record<string, string>,
): XmlElements {
  const maxRecords = maxRecordsOf(params.MaxRecords);
  const ids = queryList(params, 'ActivityIds', 'member');
  if (ids.length > 50) throw validation('The number of ActivityIds must not exceed 50.');
  const groupName = params.AutoScalingGroupName;
  const includeDeleted = params.IncludeDeletedGroups === 'true';
  const filters = memberFilters(params);
  const rows = world.autoScaling
    .activities(accountId, region)
    .map((activity) => ({
      activity,
      progress: activityProgress(world, activity),
      deleted: !world.autoScaling.group(accountId, region, activity.groupName),
    }))
    .filter(({ activity }) => groupName === undefined || activity.groupName === groupName)
    .filter(({ activity }) => ids.length === 0 || ids.includes(activity.id))
    .filter(({ deleted }) => includeDeleted || !deleted)
    .filter(({ activity, progress }) =>
      matches(activity, progress.statusCode, filters, groupName !== undefined),
    );
  // Keyset order: in progress first, then newest first; the id breaks ties.
  const key = ({ activity, progress }: (typeof rows)[number]) =>
    `${progress.statusCode === 'InProgress' ? 0 : 1}:${String(9e15 - activity.startedAt.getTime()).padStart(16, '0')}:${activity.id}`;
  const page = keysetPage(
    rows,
    key,
    { size: maxRecords, token: params.NextToken },
    () => new AwsError('InvalidNextToken', 400, `The token '${params.NextToken}' is invalid.`),
  );
  return [
    [
      'Activities',
      {
        member: page.items.map(({ activity, progress, deleted }): XmlElements => [
          ['ActivityId', activity.id],
          ['AutoScalingGroupName', activity.groupName],
          [
            'Description',
            activity.failure
              ? `Launching a new EC2 instance.  Status Reason: ${activity.failure}. Launching EC2 instance failed.`
              : activity.kind === 'launch'
                ? `Launching a new EC2 instance: ${activity.instanceId}`
                : `Terminating EC2 instance: ${activity.instanceId}`,
          ],
          ['Cause', activity.cause],
          ['StartTime', activity.startedAt],
          ['EndTime', progress.endTime],
          ['StatusCode', progress.statusCode],
          ['StatusMessage', activity.failure?.slice(0, 255)],
          ['Progress', progress.progress],
          [
            'Details',
            JSON.stringify(
              activity.failure
                ? {}
                : {
                    'Subnet ID': activity.subnetId,
                    'Availability Zone': activity.availabilityZone,
                  },
            ),
          ],
          [
            'AutoScalingGroupState',
            includeDeleted ? (deleted ? 'Deleted' : 'InService') : undefined,
          ],
          ['AutoScalingGroupARN', activity.groupArn],
        ]),
      },
    ],
    ['NextToken', page.nextToken],
  ];
}
