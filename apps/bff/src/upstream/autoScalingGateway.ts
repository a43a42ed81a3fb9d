import type { AutoScalingGroup, Filter } from '@aws-sdk/client-auto-scaling';
import type { AccountTarget, AwsClients } from './awsClients.ts';
import { allPages } from './pages.ts';

// Loaded on first use: a console whose users never open a Compute tab need not hold the client's models.
const autoScalingSdk = () => import('@aws-sdk/client-auto-scaling');

/** Which Auto Scaling groups: by name, or by filter (e.g. a cluster's discovery tag). */
export interface AutoScalingQuery {
  names?: string[];
  filters?: Filter[];
}

/** Auto Scaling groups of one account and region, every page. */
export async function describeAutoScalingGroups(
  aws: AwsClients,
  account: AccountTarget,
  region: string,
  query: AutoScalingQuery,
): Promise<AutoScalingGroup[]> {
  if (query.names && query.names.length === 0) return [];
  const { AutoScalingClient, paginateDescribeAutoScalingGroups } = await autoScalingSdk();
  const client = aws.client(AutoScalingClient, account, region);
  const pages = await allPages(
    paginateDescribeAutoScalingGroups(
      { client },
      {
        ...(query.names ? { AutoScalingGroupNames: query.names } : {}),
        ...(query.filters ? { Filters: query.filters } : {}),
      },
    ),
  );
  return pages.flatMap((page) => page.AutoScalingGroups ?? []);
}
