import { AwsError } from '../../awsError.ts';
import { instanceTypeInfo, KNOWN_INSTANCE_TYPES } from '../../kube/sim/instanceTypes.ts';
import { ec2Filters, keysetPage, queryList } from '../queryLists.ts';
import { applyFilters } from './ec2Filters.ts';
import { ec2Errors, ec2MaxResults, type Ec2Elements } from './ec2Protocol.ts';

/**
 * DescribeInstanceTypes over the instance types the simulation launches: vCPUs, memory and
 * architecture as EC2 lists them (what a console needs to count capacity, e.g. the Spot share of
 * vCPUs). EC2 pages these 5 to 100 at a time.
 */
export function describeInstanceTypes(params: Record<string, string>): Ec2Elements {
  const asked = queryList(params, 'InstanceType', 'ec2');
  const unknown = asked.filter((type) => !KNOWN_INSTANCE_TYPES.includes(type));
  if (unknown.length > 0) {
    throw new AwsError(
      'InvalidInstanceType',
      400,
      `The following supplied instance types do not exist: [${unknown.join(', ')}]`,
    );
  }
  const maxResults = ec2MaxResults(params.MaxResults, 5, 100);
  const types = asked.length > 0 ? asked : [...KNOWN_INSTANCE_TYPES];
  const architectureOf = (type: string) =>
    instanceTypeInfo(type).arch === 'arm64' ? 'arm64' : 'x86_64';
  const filtered = applyFilters(
    types,
    ec2Filters(params),
    {
      'instance-type': (type) => [type],
      'processor-info.supported-architecture': (type) => [architectureOf(type)],
      'vcpu-info.default-vcpus': (type) => [String(instanceTypeInfo(type).vcpus)],
      'current-generation': () => ['true'],
    },
    () => ({}),
  );
  const page = keysetPage(
    filtered.sort(),
    (type) => type,
    { size: maxResults, token: params.NextToken },
    () => ec2Errors.invalidPaginationToken(params.NextToken ?? ''),
  );
  return [
    [
      'instanceTypeSet',
      {
        items: page.items.map((type): Ec2Elements => {
          const info = instanceTypeInfo(type);
          const threads = info.arch === 'arm64' || info.vcpus === 1 ? 1 : 2;
          return [
            ['instanceType', type],
            ['currentGeneration', true],
            ['supportedUsageClasses', { items: ['on-demand', 'spot'] }],
            ['processorInfo', [['supportedArchitectures', { items: [architectureOf(type)] }]]],
            [
              'vCpuInfo',
              [
                ['defaultVCpus', info.vcpus],
                ['defaultCores', info.vcpus / threads],
                ['defaultThreadsPerCore', threads],
              ],
            ],
            ['memoryInfo', [['sizeInMiB', info.memoryMib]]],
          ];
        }),
      },
    ],
    ['nextToken', page.nextToken],
  ];
}
