import {
  AssociateAccessPolicyCommand,
  AssociateIdentityProviderConfigCommand,
  CreateAccessEntryCommand,
  CreateClusterCommand,
  CreateFargateProfileCommand,
  CreateNodegroupCommand,
  CreatePodIdentityAssociationCommand,
  DeleteAccessEntryCommand,
  DeleteClusterCommand,
  DeleteFargateProfileCommand,
  DeleteNodegroupCommand,
  DeletePodIdentityAssociationCommand,
  DeregisterClusterCommand,
  DescribeAccessEntryCommand,
  DescribeClusterCommand,
  DescribeFargateProfileCommand,
  DescribeIdentityProviderConfigCommand,
  DescribeNodegroupCommand,
  DescribePodIdentityAssociationCommand,
  DescribeUpdateCommand,
  DisassociateAccessPolicyCommand,
  DisassociateIdentityProviderConfigCommand,
  RegisterClusterCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateClusterConfigCommand,
  UpdateClusterVersionCommand,
  UpdateNodegroupConfigCommand,
  UpdateNodegroupVersionCommand,
  UpdatePodIdentityAssociationCommand,
  paginateDescribeClusterVersions,
  paginateListAccessEntries,
  paginateListAccessPolicies,
  paginateListAssociatedAccessPolicies,
  paginateListClusters,
  paginateListFargateProfiles,
  paginateListIdentityProviderConfigs,
  paginateListNodegroups,
  paginateListPodIdentityAssociations,
  paginateListUpdates,
  paginateListAddons,
  paginateDescribeAddonVersions,
  paginateListInsights,
  DescribeInsightCommand,
  type Insight,
  type InsightSummary,
  DescribeAddonCommand,
  DescribeAddonConfigurationCommand,
  CreateAddonCommand,
  UpdateAddonCommand,
  DeleteAddonCommand,
  type Addon,
  type AddonInfo,
  type DescribeAddonConfigurationCommandOutput,
  type CreateAddonCommandInput,
  type UpdateAddonCommandInput,
  type AccessEntry,
  type AccessPolicy,
  type AssociateAccessPolicyCommandInput,
  type AssociateIdentityProviderConfigCommandInput,
  type AssociatedAccessPolicy,
  type Cluster,
  type ClusterVersionInformation,
  type CreateAccessEntryCommandInput,
  type CreateClusterCommandInput,
  type CreateFargateProfileCommandInput,
  type CreateNodegroupCommandInput,
  type CreatePodIdentityAssociationCommandInput,
  type EKSClient,
  type FargateProfile,
  type IdentityProviderConfig,
  type IdentityProviderConfigResponse,
  type Nodegroup,
  type PodIdentityAssociation,
  type PodIdentityAssociationSummary,
  type RegisterClusterCommandInput,
  type Update,
  type UpdateClusterConfigCommandInput,
  type UpdateClusterVersionCommandInput,
  type UpdateNodegroupConfigCommandInput,
  type UpdateNodegroupVersionCommandInput,
  type UpdatePodIdentityAssociationCommandInput,
} from '@aws-sdk/client-eks';
import { allPages } from './pages.ts';

/** Which updates: a cluster's own, one node group's or one add-on's. */
export interface UpdateScope {
  name: string;
  nodegroupName?: string;
  addonName?: string;
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
    addonNames: async (clusterName: string): Promise<string[]> =>
      (await allPages(paginateListAddons({ client }, { clusterName }))).flatMap(
        (page) => page.addons ?? [],
      ),
    describeAddon: async (clusterName: string, addonName: string): Promise<Addon | undefined> =>
      (await client.send(new DescribeAddonCommand({ clusterName, addonName }))).addon,
    /** The add-on catalogue, for one Kubernetes version or (none given) all of them. */
    addonVersions: async (kubernetesVersion?: string): Promise<AddonInfo[]> =>
      (
        await allPages(
          paginateDescribeAddonVersions({ client }, kubernetesVersion ? { kubernetesVersion } : {}),
        )
      ).flatMap((page) => page.addons ?? []),
    /** Every insight EKS keeps for a cluster (upgrade readiness and configuration). */
    insights: async (clusterName: string): Promise<InsightSummary[]> =>
      (await allPages(paginateListInsights({ client }, { clusterName }))).flatMap(
        (page) => page.insights ?? [],
      ),
    describeInsight: async (clusterName: string, id: string): Promise<Insight | undefined> =>
      (await client.send(new DescribeInsightCommand({ clusterName, id }))).insight,
    /** The configuration schema (JSON Schema text) and pod identity needs of one add-on build. */
    addonConfiguration: async (
      addonName: string,
      addonVersion: string,
    ): Promise<DescribeAddonConfigurationCommandOutput> =>
      client.send(new DescribeAddonConfigurationCommand({ addonName, addonVersion })),
    updateIds: async (scope: UpdateScope): Promise<string[]> =>
      (await allPages(paginateListUpdates({ client }, scope))).flatMap(
        (page) => page.updateIds ?? [],
      ),
    describeUpdate: async (scope: UpdateScope, updateId: string): Promise<Update | undefined> =>
      (await client.send(new DescribeUpdateCommand({ ...scope, updateId }))).update,
    /** Principal ARNs of a cluster's access entries. */
    accessEntryArns: async (clusterName: string): Promise<string[]> =>
      (await allPages(paginateListAccessEntries({ client }, { clusterName }))).flatMap(
        (page) => page.accessEntries ?? [],
      ),
    describeAccessEntry: async (
      clusterName: string,
      principalArn: string,
    ): Promise<AccessEntry | undefined> =>
      (await client.send(new DescribeAccessEntryCommand({ clusterName, principalArn })))
        .accessEntry,
    associatedAccessPolicies: async (
      clusterName: string,
      principalArn: string,
    ): Promise<AssociatedAccessPolicy[]> =>
      (
        await allPages(
          paginateListAssociatedAccessPolicies({ client }, { clusterName, principalArn }),
        )
      ).flatMap((page) => page.associatedAccessPolicies ?? []),
    /** The access policies EKS offers (the same in every cluster). */
    accessPolicies: async (): Promise<AccessPolicy[]> =>
      (await allPages(paginateListAccessPolicies({ client }, {}))).flatMap(
        (page) => page.accessPolicies ?? [],
      ),
    identityProviderConfigs: async (clusterName: string): Promise<IdentityProviderConfig[]> =>
      (await allPages(paginateListIdentityProviderConfigs({ client }, { clusterName }))).flatMap(
        (page) => page.identityProviderConfigs ?? [],
      ),
    describeIdentityProviderConfig: async (
      clusterName: string,
      identityProviderConfig: IdentityProviderConfig,
    ): Promise<IdentityProviderConfigResponse | undefined> =>
      (
        await client.send(
          new DescribeIdentityProviderConfigCommand({ clusterName, identityProviderConfig }),
        )
      ).identityProviderConfig,
    podIdentityAssociations: async (
      clusterName: string,
    ): Promise<PodIdentityAssociationSummary[]> =>
      (await allPages(paginateListPodIdentityAssociations({ client }, { clusterName }))).flatMap(
        (page) => page.associations ?? [],
      ),
    describePodIdentityAssociation: async (
      clusterName: string,
      associationId: string,
    ): Promise<PodIdentityAssociation | undefined> =>
      (await client.send(new DescribePodIdentityAssociationCommand({ clusterName, associationId })))
        .association,
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
    createAddon: (input: CreateAddonCommandInput) =>
      done(client.send(new CreateAddonCommand(input))),
    updateAddon: (input: UpdateAddonCommandInput) =>
      changed(client.send(new UpdateAddonCommand(input))),
    deleteAddon: (clusterName: string, addonName: string, preserve: boolean) =>
      done(client.send(new DeleteAddonCommand({ clusterName, addonName, preserve }))),
    createFargateProfile: (input: CreateFargateProfileCommandInput) =>
      done(client.send(new CreateFargateProfileCommand(input))),
    deleteFargateProfile: (clusterName: string, fargateProfileName: string) =>
      done(client.send(new DeleteFargateProfileCommand({ clusterName, fargateProfileName }))),
    createAccessEntry: (input: CreateAccessEntryCommandInput) =>
      done(client.send(new CreateAccessEntryCommand(input))),
    deleteAccessEntry: (clusterName: string, principalArn: string) =>
      done(client.send(new DeleteAccessEntryCommand({ clusterName, principalArn }))),
    associateAccessPolicy: (input: AssociateAccessPolicyCommandInput) =>
      done(client.send(new AssociateAccessPolicyCommand(input))),
    disassociateAccessPolicy: (clusterName: string, principalArn: string, policyArn: string) =>
      done(
        client.send(new DisassociateAccessPolicyCommand({ clusterName, principalArn, policyArn })),
      ),
    /** OIDC providers: EKS answers with the update that associates or disassociates it. */
    associateIdentityProviderConfig: (input: AssociateIdentityProviderConfigCommandInput) =>
      changed(client.send(new AssociateIdentityProviderConfigCommand(input))),
    disassociateIdentityProviderConfig: (
      clusterName: string,
      identityProviderConfig: IdentityProviderConfig,
    ) =>
      changed(
        client.send(
          new DisassociateIdentityProviderConfigCommand({ clusterName, identityProviderConfig }),
        ),
      ),
    createPodIdentityAssociation: (input: CreatePodIdentityAssociationCommandInput) =>
      done(client.send(new CreatePodIdentityAssociationCommand(input))),
    updatePodIdentityAssociation: (input: UpdatePodIdentityAssociationCommandInput) =>
      done(client.send(new UpdatePodIdentityAssociationCommand(input))),
    deletePodIdentityAssociation: (clusterName: string, associationId: string) =>
      done(client.send(new DeletePodIdentityAssociationCommand({ clusterName, associationId }))),
  };
}
export type EksChanges = ReturnType<typeof eksChanges>;
