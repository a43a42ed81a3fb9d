import type { XmlElements, XmlValue } from '../queryProtocol.ts';
import type { MemberInstance } from '../../world/ec2/autoScalingGroups.ts';
import type {
  AutoScalingGroupRecord,
  LaunchTemplateRef,
} from '../../world/ec2/autoScalingTypes.ts';
import type { Ec2InstanceState } from '../../world/ec2/types.ts';

/** How a group appears in DescribeAutoScalingGroups (awsQuery members, `<member>` lists). */

const LIFECYCLE_STATES: Record<Ec2InstanceState, string> = {
  pending: 'Pending',
  running: 'InService',
  'shutting-down': 'Terminating',
  terminated: 'Terminated',
  stopping: 'Terminating',
  stopped: 'Terminated',
};

/** Auto Scaling's view of an instance's life, derived from EC2's state. */
export function lifecycleStateOf(state: Ec2InstanceState): string {
  return LIFECYCLE_STATES[state];
}

const list = (values: XmlValue[]) => (values.length > 0 ? { member: values } : undefined);

function templateSpec(ref: LaunchTemplateRef): XmlElements {
  return [
    ['LaunchTemplateId', ref.id],
    ['LaunchTemplateName', ref.name],
    ['Version', ref.version],
  ];
}

export function groupToWire(
  group: AutoScalingGroupRecord,
  members: MemberInstance[],
  includeInstances: boolean,
  /** The zones of the group's subnets. */
  availabilityZones: string[],
): XmlElements {
  const mixed = group.mixedInstances;
  return [
    ['AutoScalingGroupName', group.name],
    ['AutoScalingGroupARN', group.arn],
    ['LaunchTemplate', mixed ? undefined : templateSpec(group.launchTemplate)],
    [
      'MixedInstancesPolicy',
      mixed
        ? [
            [
              'LaunchTemplate',
              [
                ['LaunchTemplateSpecification', templateSpec(group.launchTemplate)],
                [
                  'Overrides',
                  list(mixed.instanceTypes.map((type): XmlElements => [['InstanceType', type]])),
                ],
              ],
            ],
            [
              'InstancesDistribution',
              [
                ['OnDemandAllocationStrategy', mixed.onDemandAllocationStrategy],
                ['OnDemandBaseCapacity', mixed.onDemandBaseCapacity],
                ['OnDemandPercentageAboveBaseCapacity', mixed.onDemandPercentageAboveBaseCapacity],
                ['SpotAllocationStrategy', mixed.spotAllocationStrategy],
              ],
            ],
          ]
        : undefined,
    ],
    ['MinSize', group.minSize],
    ['MaxSize', group.maxSize],
    ['DesiredCapacity', group.desiredCapacity],
    ['DefaultCooldown', group.defaultCooldown],
    ['AvailabilityZones', { member: availabilityZones }],
    ['HealthCheckType', group.healthCheckType],
    ['HealthCheckGracePeriod', group.healthCheckGracePeriod],
    [
      'Instances',
      includeInstances
        ? list(
            members
              .filter(({ instance }) => instance !== undefined)
              .map(({ member, instance }): XmlElements => [
                ['InstanceId', member.instanceId],
                ['InstanceType', instance!.instanceType],
                ['AvailabilityZone', instance!.availabilityZone],
                ['LifecycleState', lifecycleStateOf(instance!.state)],
                ['HealthStatus', 'Healthy'],
                [
                  'LaunchTemplate',
                  templateSpec({
                    ...group.launchTemplate,
                    version: String(member.launchTemplateVersion),
                  }),
                ],
                ['ProtectedFromScaleIn', member.protectedFromScaleIn],
              ]),
          )
        : undefined,
    ],
    ['CreatedTime', group.createdAt],
    ['VPCZoneIdentifier', group.subnetIds.join(',')],
    ['Status', group.deleting ? 'Delete in progress' : undefined],
    [
      'Tags',
      list(
        Object.entries(group.tags).map(([key, value]): XmlElements => [
          ['ResourceId', group.name],
          ['ResourceType', 'auto-scaling-group'],
          ['Key', key],
          ['Value', value],
          ['PropagateAtLaunch', true],
        ]),
      ),
    ],
    ['TerminationPolicies', list(group.terminationPolicies)],
    ['NewInstancesProtectedFromScaleIn', group.newInstancesProtectedFromScaleIn],
    ['ServiceLinkedRoleARN', group.serviceLinkedRoleArn],
    ['CapacityRebalance', group.capacityRebalance],
  ];
}
