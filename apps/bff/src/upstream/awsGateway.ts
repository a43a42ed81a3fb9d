import { EKSClient, type ClusterVersionInformation } from '@aws-sdk/client-eks';
import { NotFoundError } from '../errors.ts';
import { describeAutoScalingGroups, type AutoScalingQuery } from './autoScalingGateway.ts';
import type { AccountTarget, AwsClients } from './awsClients.ts';
import {
  describeInstances,
  describeInstanceTypeVcpus,
  describeLaunchTemplateVersions,
  describeSubnets,
  type LaunchTemplateRef,
} from './ec2Gateway.ts';
import { eksChanges, eksReads } from './eksGateway.ts';
import { assertReadRegion } from './regions.ts';
import { parametersByPath, type PublicParameter } from './ssmGateway.ts';
import { createTtlCache } from './ttlCache.ts';

/** One account and region, resolved: what every gateway call is made in. */
export interface AccountRegion {
  account: AccountTarget;
  region: string;
}

/** EKS's version calendar of a region, by version ("1.31"). */
export type VersionCatalog = Map<string, ClusterVersionInformation>;
const VERSION_CATALOG_TTL_MS = 60 * 60 * 1000;
/** AWS publishes a new node image every few weeks: an hour-old copy of its release parameters is fresh enough. */
const AMI_RELEASES_TTL_MS = 60 * 60 * 1000;

/**
 * The services' only way to AWS: typed calls per account and region, over the clients of awsClients.ts
 * (which translate every error). Services never build SDK commands (eslint forbids it).
 */
export function createAwsGateway(aws: AwsClients, options: { regions: readonly string[] }) {
  // The calendar changes a few times a year; one copy per account and region serves every page.
  const versionCache = createTtlCache<VersionCatalog>(
    VERSION_CATALOG_TTL_MS,
    Date.now,
    'version-catalog',
  );

  // AWS's public parameters are the same for every account of a region: one copy per region and path.
  const amiReleaseCache = createTtlCache<PublicParameter[]>(
    AMI_RELEASES_TTL_MS,
    Date.now,
    'ami-releases',
  );

  // Instance type -> vCPUs per account and region; types only ever get added, so no expiry.
  const vcpuCache = new Map<string, Map<string, number>>();

  /** The configured account with this id, resolving ids that are not configured up front. */
  async function findAccount(accountId: string): Promise<AccountTarget> {
    for (const account of aws.accounts) {
      const id = await aws.accountId(account).catch(() => undefined);
      if (id === accountId) return account;
    }
    throw new NotFoundError(`Account ${accountId} is not one this console reads.`);
  }

  return {
    accounts: aws.accounts,
    accountId: (account: AccountTarget) => aws.accountId(account),
    findAccount,
    /** A route's account id and region, checked (a region this console reads) and resolved once. */
    async locate(accountId: string, region: string): Promise<AccountRegion> {
      assertReadRegion(options.regions, region);
      return { account: await findAccount(accountId), region };
    },
    /** EKS reads as the console. */
    eks: ({ account, region }: AccountRegion) => eksReads(aws.eks(account, region)),
    /** EKS changes as the console user (an assumed role whose SourceIdentity names them). */
    eksAs: ({ account, region }: AccountRegion, user: string) =>
      eksChanges(aws.changeClient(EKSClient, account, region, user)),
    /** EKS's whole version calendar for a region (includeAll), cached: the one copy the console reads. */
    versionCatalog: ({ account, region }: AccountRegion): Promise<VersionCatalog> =>
      versionCache.get(`${account.key}|${region}`, async () => {
        const versions = await eksReads(aws.eks(account, region)).clusterVersions();
        return new Map(
          versions.flatMap((info) => (info.clusterVersion ? [[info.clusterVersion, info]] : [])),
        );
      }),
    /** AWS's public SSM parameters under a path (node image releases), cached per region and path. */
    publicParameters: ({ account, region }: AccountRegion, path: string) =>
      amiReleaseCache.get(`${region}|${path}`, () => parametersByPath(aws, account, region, path)),
    autoScalingGroups: ({ account, region }: AccountRegion, query: AutoScalingQuery) =>
      describeAutoScalingGroups(aws, account, region, query),
    ec2Instances: ({ account, region }: AccountRegion, ids: string[]) =>
      describeInstances(aws, account, region, ids),
    launchTemplateVersions: ({ account, region }: AccountRegion, refs: LaunchTemplateRef[]) =>
      describeLaunchTemplateVersions(aws, account, region, refs),
    subnets: ({ account, region }: AccountRegion, ids: string[]) =>
      describeSubnets(aws, account, region, ids),
    /** vCPUs per instance type; a type's vCPUs never change, so each is asked once per process. */
    async instanceTypeVcpus(at: AccountRegion, types: string[]): Promise<Map<string, number>> {
      const key = `${at.account.key}|${at.region}`;
      const known = vcpuCache.get(key) ?? new Map<string, number>();
      const missing = types.filter((type) => !known.has(type));
      if (missing.length > 0) {
        for (const [type, vcpus] of await describeInstanceTypeVcpus(
          aws,
          at.account,
          at.region,
          missing,
        )) {
          known.set(type, vcpus);
        }
        vcpuCache.set(key, known);
      }
      return known;
    },
  };
}
export type AwsGateway = ReturnType<typeof createAwsGateway>;
