import type { Instance, ResponseLaunchTemplateData, Subnet } from '@aws-sdk/client-ec2';
import type { AccountTarget, AwsClients } from './awsClients.ts';

// Loaded on first use: the EC2 client's models alone take about 70 MB, which a console whose users never
// open a Compute tab need not hold.
const ec2Sdk = () => import('@aws-sdk/client-ec2');

/** EC2 takes at most this many values in one filter. */
const FILTER_VALUES = 200;

/**
 * EC2's view of instances, by id. A filter rather than InstanceIds, so that an instance gone meanwhile
 * is simply absent instead of failing the whole call.
 */
export async function describeInstances(
  aws: AwsClients,
  account: AccountTarget,
  region: string,
  ids: string[],
): Promise<Map<string, Instance>> {
  const { EC2Client, paginateDescribeInstances } = await ec2Sdk();
  const client = aws.client(EC2Client, account, region);
  const found = new Map<string, Instance>();
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += FILTER_VALUES) chunks.push(ids.slice(i, i + FILTER_VALUES));
  await Promise.all(
    chunks.map(async (chunk) => {
      const pages = paginateDescribeInstances(
        { client },
        { Filters: [{ Name: 'instance-id', Values: chunk }] },
      );
      for await (const page of pages) {
        for (const reservation of page.Reservations ?? []) {
          for (const instance of reservation.Instances ?? []) {
            if (instance.InstanceId) found.set(instance.InstanceId, instance);
          }
        }
      }
    }),
  );
  return found;
}

/** A launch template version, by template id and version ("3", "$Latest", "$Default"). */
export interface LaunchTemplateRef {
  id: string;
  version: string;
}

/**
 * The data of launch template versions, keyed `id@version` as asked. A template gone meanwhile is
 * left out rather than failing the rest.
 */
export async function describeLaunchTemplateVersions(
  aws: AwsClients,
  account: AccountTarget,
  region: string,
  refs: LaunchTemplateRef[],
): Promise<Map<string, ResponseLaunchTemplateData>> {
  const { EC2Client, DescribeLaunchTemplateVersionsCommand } = await ec2Sdk();
  const client = aws.client(EC2Client, account, region);
  const found = new Map<string, ResponseLaunchTemplateData>();
  const keys = [...new Set(refs.map((ref) => `${ref.id}@${ref.version}`))];
  // One version per call: "$Latest" and "$Default" then name exactly one answer.
  await Promise.all(
    keys.map(async (key) => {
      const [id, version] = key.split('@') as [string, string];
      try {
        const answer = await client.send(
          new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: id, Versions: [version] }),
        );
        const data = answer.LaunchTemplateVersions?.[0]?.LaunchTemplateData;
        if (data) found.set(key, data);
      } catch (error) {
        if (!/NotFound/.test((error as { code?: string }).code ?? '')) throw error;
      }
    }),
  );
  return found;
}

/** Subnets by id, filtered rather than named so that a deleted subnet is absent, not an error. */
export async function describeSubnets(
  aws: AwsClients,
  account: AccountTarget,
  region: string,
  ids: string[],
): Promise<Map<string, Subnet>> {
  const found = new Map<string, Subnet>();
  if (ids.length === 0) return found;
  const { EC2Client, paginateDescribeSubnets } = await ec2Sdk();
  const client = aws.client(EC2Client, account, region);
  for (let i = 0; i < ids.length; i += FILTER_VALUES) {
    const pages = paginateDescribeSubnets(
      { client },
      { Filters: [{ Name: 'subnet-id', Values: ids.slice(i, i + FILTER_VALUES) }] },
    );
    for await (const page of pages) {
      for (const subnet of page.Subnets ?? [])
        if (subnet.SubnetId) found.set(subnet.SubnetId, subnet);
    }
  }
  return found;
}

/** vCPUs of each instance type asked, from EC2's catalogue; unknown types are left out. */
export async function describeInstanceTypeVcpus(
  aws: AwsClients,
  account: AccountTarget,
  region: string,
  types: string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (types.length === 0) return found;
  const { EC2Client, paginateDescribeInstanceTypes } = await ec2Sdk();
  const client = aws.client(EC2Client, account, region);
  // EC2 takes at most 100 instance types in one call.
  for (let i = 0; i < types.length; i += 100) {
    const pages = paginateDescribeInstanceTypes(
      { client },
      { Filters: [{ Name: 'instance-type', Values: types.slice(i, i + 100) }] },
    );
    for await (const page of pages) {
      for (const info of page.InstanceTypes ?? []) {
        if (info.InstanceType && info.VCpuInfo?.DefaultVCpus !== undefined) {
          found.set(info.InstanceType, info.VCpuInfo.DefaultVCpus);
        }
      }
    }
  }
  return found;
}
