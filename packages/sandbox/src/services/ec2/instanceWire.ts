import { architectureOfInstanceType } from '../../world/ec2/amis.ts';
import { availabilityZoneId } from '../../world/ec2/addresses.ts';
import type { Ec2InstanceRecord, Ec2InstanceState } from '../../world/ec2/types.ts';
import { seededRandom } from '../../world/random.ts';
import type { Ec2Elements } from './ec2Protocol.ts';

/** How an instance record appears in DescribeInstances (the model's locationNames). */

const STATE_CODES: Record<Ec2InstanceState, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** Auto Scaling launches on the caller's behalf: EC2 names its account as the requester. */
export const AUTO_SCALING_REQUESTER = '940372691376';

export function instanceStateCode(state: Ec2InstanceState): number {
  return STATE_CODES[state];
}

/** A tagSet: `<item><key/><value/></item>` per tag. */
export const tagItems = (tags: Record<string, string>) => ({
  items: Object.entries(tags).map(([key, value]): Ec2Elements => [
    ['key', key],
    ['value', value],
  ]),
});

/** The instance profile id EC2 shows beside the ARN (AIPA + 17 characters), derived from the ARN. */
function instanceProfileId(arn: string): string {
  return `AIPA${seededRandom(`instance-profile:${arn}`).hex(17).toUpperCase()}`;
}

export function instanceToWire(instance: Ec2InstanceRecord): Ec2Elements {
  const gone = instance.state === 'terminated';
  const spot = instance.lifecycle === 'spot';
  return [
    ['instanceId', instance.instanceId],
    ['imageId', instance.imageId],
    [
      'instanceState',
      [
        ['code', instanceStateCode(instance.state)],
        ['name', instance.state],
      ],
    ],
    // A terminated instance has released its address and name.
    ['privateDnsName', gone ? '' : instance.privateDnsName],
    ['dnsName', ''],
    ['reason', instance.stateTransitionReason ?? ''],
    ['amiLaunchIndex', 0],
    ['instanceType', instance.instanceType],
    ['launchTime', instance.launchTime],
    [
      'placement',
      [
        ['availabilityZoneId', availabilityZoneId(instance.availabilityZone)],
        ['groupName', ''],
        ['tenancy', 'default'],
        ['availabilityZone', instance.availabilityZone],
      ],
    ],
    ['monitoring', [['state', 'disabled']]],
    ['subnetId', gone ? undefined : instance.subnetId],
    ['vpcId', gone ? undefined : instance.vpcId],
    ['privateIpAddress', gone ? undefined : instance.privateIpAddress],
    ['sourceDestCheck', true],
    [
      'groupSet',
      gone || !instance.securityGroupIds?.length
        ? undefined
        : {
            items: instance.securityGroupIds.map((id): Ec2Elements => [
              ['groupId', id],
              ['groupName', `eks-cluster-sg-${id.slice(3, 11)}`],
            ]),
          },
    ],
    [
      'stateReason',
      gone
        ? [
            ['code', 'Client.UserInitiatedShutdown'],
            ['message', 'Client.UserInitiatedShutdown: User initiated shutdown'],
          ]
        : undefined,
    ],
    ['architecture', architectureOfInstanceType(instance.instanceType)],
    ['rootDeviceType', 'ebs'],
    ['rootDeviceName', '/dev/xvda'],
    ['virtualizationType', 'hvm'],
    ['instanceLifecycle', spot ? 'spot' : undefined],
    ['spotInstanceRequestId', spot ? `sir-${instance.instanceId.slice(3, 11)}` : undefined],
    ['tagSet', Object.keys(instance.tags).length > 0 ? tagItems(instance.tags) : undefined],
    ['hypervisor', 'xen'],
    [
      'iamInstanceProfile',
      instance.iamInstanceProfileArn
        ? [
            ['arn', instance.iamInstanceProfileArn],
            ['id', instanceProfileId(instance.iamInstanceProfileArn)],
          ]
        : undefined,
    ],
    ['ebsOptimized', false],
    ['enaSupport', true],
    [
      'metadataOptions',
      [
        ['state', 'applied'],
        ['httpTokens', 'required'],
        ['httpPutResponseHopLimit', 2],
        ['httpEndpoint', 'enabled'],
      ],
    ],
    ['platformDetails', 'Linux/UNIX'],
    ['usageOperation', 'RunInstances'],
    [
      'privateDnsNameOptions',
      [
        ['hostnameType', 'ip-name'],
        ['enableResourceNameDnsARecord', false],
        ['enableResourceNameDnsAAAARecord', false],
      ],
    ],
  ];
}
