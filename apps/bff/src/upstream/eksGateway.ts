import {
  CreateClusterCommand,
  CreateFargateProfileCommand,
  CreateNodegroupCommand,
  DeleteClusterCommand,
  DeleteFargateProfileCommand,
  DeleteNodegroupCommand,
  DeregisterClusterCommand,
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeNodegroupCommand,
  DescribeUpdateCommand,
  RegisterClusterCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateClusterConfigCommand,
  UpdateClusterVersionCommand,
  UpdateNodegroupConfigCommand,
  UpdateNodegroupVersionCommand,
  paginateDescribeClusterVersions,
  paginateListClusters,
  paginateListFargateProfiles,
  paginateListNodegroups,
  paginateListUpdates,
  type Cluster,
  type ClusterVersionInformation,
  type CreateClusterCommandInput,
  type CreateFargateProfileCommandInput,
  type CreateNodegroupCommandInput,
  type EKSClient,
  type FargateProfile,
  type Nodegroup,
  type RegisterClusterCommandInput,
  type Update,
  type UpdateClusterConfigCommandInput,
  type UpdateClusterVersionCommandInput,
  type UpdateNodegroupConfigCommandInput,
  type UpdateNodegroupVersionCommandInput,
} from '@aws-sdk/client-eks';
import { allPages } from './pages.ts';

/** Which updates: a cluster's own, or one node group's. */
export interface UpdateScope {
  name: string;
  nodegroupName?: string;
}

/** What an EKS change answered: the update it started (if any) and AWS's request id for the audit log. */
export interface EksChanged {
  update?: Update;
  requestId?: string;
}

const changed = async (answer: Promise<{ update?: Update; $metadata: { requestId?: string } }>) => {
  const { update, $metadata } = await answer;
  return {
    ...(update ? { update } : {}),
    ...($metadata.requestId ? { requestId: $metadata.requestId } : {}),
  } satisfies EksChanged;
};
/** Answers that carry no update (create/delete cluster, tags): only the request id matters. */
const done = async (
  answer: Promise<{ $metadata: { requestId?: string } }>,
): Promise<EksChanged> => {
  const { $metadata } = await answer;
  return $metadata.requestId ? { requestId: $metadata.requestId } : {};
};

/**
 * EKS reads of one account and region. Lists follow every page through the SDK's paginators; the
 * client translates errors (awsClients.ts), so callers see UpstreamError in AWS's words.
 */
export function eksReads(client: EKSClient) {
  return {
    /** Cluster names page by page (connected clusters included), so a caller can describe while the next page comes. */
    async *clusterNamePages(): AsyncGenerator<string[]> {
      for await (const page of paginateListClusters(
        { client, pageSize: 100 },
        { include: ['all'] },
      )) {
        yield page.clusters ?? [];
      }
    },
    describeCluster: async (name: string): Promise<Cluster | undefined> =>
      (await client.send(new DescribeClusterCommand({ name }))).cluster,
    /** EKS's whole version calendar (includeAll: past extended support too). */
    clusterVersions: async (): Promise<ClusterVersionInformation[]> =>
      (await allPages(paginateDescribeClusterVersions({ client }, { includeAll: true }))).flatMap(
        (page) => page.clusterVersions ?? [],
      ),
    nodegroupNames: async (clusterName: string): Promise<string[]> =>
      (await allPages(paginateListNodegroups({ client }, { clusterName }))).flatMap(
        (page) => page.nodegroups ?? [],
      ),
    describeNodegroup: async (
      clusterName: string,
      nodegroupName: string,
    ): Promise<Nodegroup | undefined> =>
      (await client.send(new DescribeNodegroupCommand({ clusterName, nodegroupName }))).nodegroup,
    fargateProfileNames: async (clusterName: string): Promise<string[]> =>
      (await allPages(paginateListFargateProfiles({ client }, { clusterName }))).flatMap(
        (page) => page.fargateProfileNames ?? [],
      ),
    describeFargateProfile: async (
      clusterName: string,
      fargateProfileName: string,
    ): Promise<FargateProfile | undefined> =>
      (await client.send(new DescribeFargateProfileCommand({ clusterName, fargateProfileName })))
        .fargateProfile,
    updateIds: async (scope: UpdateScope): Promise<string[]> =>
      (await allPages(paginateListUpdates({ client }, scope))).flatMap(
        (page) => page.updateIds ?? [],
      ),
    describeUpdate: async (scope: UpdateScope, updateId: string): Promise<Update | undefined> =>
      (await client.send(new DescribeUpdateCommand({ ...scope, updateId }))).update,
  };
}
export type EksReads = ReturnType<typeof eksReads>;

/** EKS changes, made with a client that acts as the console user (AwsClients.changeClient). */
export function eksChanges(client: EKSClient) {
  return {
    createCluster: (input: CreateClusterCommandInput) =>
      done(client.send(new CreateClusterCommand(input))),
    updateClusterVersion: (input: UpdateClusterVersionCommandInput) =>
      changed(client.send(new UpdateClusterVersionCommand(input))),
    updateClusterConfig: (input: UpdateClusterConfigCommandInput) =>
      changed(client.send(new UpdateClusterConfigCommand(input))),
    tagResource: (resourceArn: string, tags: Record<string, string>) =>
      done(client.send(new TagResourceCommand({ resourceArn, tags }))),
    untagResource: (resourceArn: string, tagKeys: string[]) =>
      done(client.send(new UntagResourceCommand({ resourceArn, tagKeys }))),
    deleteCluster: (name: string) => done(client.send(new DeleteClusterCommand({ name }))),
    /** EKS Connector registration: the answer's cluster carries the activation id and code. */
    async registerCluster(
      input: RegisterClusterCommandInput,
    ): Promise<{ cluster?: Cluster; requestId?: string }> {
      const { cluster, $metadata } = await client.send(new RegisterClusterCommand(input));
      return {
        ...(cluster ? { cluster } : {}),
        ...($metadata.requestId ? { requestId: $metadata.requestId } : {}),
      };
    },
    deregisterCluster: (name: string) => done(client.send(new DeregisterClusterCommand({ name }))),
    updateNodegroupConfig: (input: UpdateNodegroupConfigCommandInput) =>
      changed(client.send(new UpdateNodegroupConfigCommand(input))),
    updateNodegroupVersion: (input: UpdateNodegroupVersionCommandInput) =>
      changed(client.send(new UpdateNodegroupVersionCommand(input))),
    createNodegroup: (input: CreateNodegroupCommandInput) =>
      done(client.send(new CreateNodegroupCommand(input))),
    deleteNodegroup: (clusterName: string, nodegroupName: string) =>
      done(client.send(new DeleteNodegroupCommand({ clusterName, nodegroupName }))),
    createFargateProfile: (input: CreateFargateProfileCommandInput) =>
      done(client.send(new CreateFargateProfileCommand(input))),
    deleteFargateProfile: (clusterName: string, fargateProfileName: string) =>
      done(client.send(new DeleteFargateProfileCommand({ clusterName, fargateProfileName }))),
  };
}
export type EksChanges = ReturnType<typeof eksChanges>;
