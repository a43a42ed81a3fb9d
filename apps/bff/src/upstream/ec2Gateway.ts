import type { Instance } from '@aws-sdk/client-ec2';
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
