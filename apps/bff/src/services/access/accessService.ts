import {
  AssociateAccessPolicyCommand,
  AssociateIdentityProviderConfigCommand,
  CreateAccessEntryCommand,
  CreatePodIdentityAssociationCommand,
  DeleteAccessEntryCommand,
  DeletePodIdentityAssociationCommand,
  DescribeAccessEntryCommand,
  DescribeIdentityProviderConfigCommand,
  DescribePodIdentityAssociationCommand,
  DisassociateAccessPolicyCommand,
  DisassociateIdentityProviderConfigCommand,
  EKSClient,
  ListAssociatedAccessPoliciesCommand,
  UpdatePodIdentityAssociationCommand,
  paginateListAccessEntries,
  paginateListAccessPolicies,
  paginateListIdentityProviderConfigs,
  paginateListPodIdentityAssociations,
  type AssociatedAccessPolicy as EksAssociatedPolicy,
} from '@aws-sdk/client-eks';
import type {
  AccessEntry,
  AssociateAccessPolicyRequest,
  AssociateIdentityProviderRequest,
  AssociatedAccessPolicy,
  ChangeResult,
  ClusterAccess,
  ClusterRef,
  ConfirmDeleteRequest,
  CreateAccessEntryRequest,
  CreatePodIdentityRequest,
  IdentityProviderConfig,
  PodIdentityAssociation,
  SourceError,
  UpdatePodIdentityRequest,
  WhoCanAnswer,
  WhoCanQuery,
} from '@wheelhouse/contract';
import { UpstreamError } from '../../errors.ts';
import type { AwsClients } from '../../upstream/awsClients.ts';
import { fromAwsError } from '../../upstream/awsErrors.ts';
import { eksArn } from '../../upstream/partition.ts';
import { assertReadRegion } from '../../upstream/regions.ts';
import { confirmName, eksChange, type ChangeContext, type RunChange } from '../changeRunner.ts';
import type { InventoryService } from '../inventory.ts';
import { policyNameOf } from './accessPolicyRules.ts';
import type { RbacReader } from './rbacReader.ts';
import { whoCan } from './whoCan.ts';

const iso = (date: Date | undefined) => date?.toISOString();
/** What the audit log records of a request: its parameters, not its idempotency token. */
const paramsOf = <T extends { clientRequestToken?: string }>({
  clientRequestToken: _token,
  ...params
}: T) => params;

/** The IAM name at the end of a principal ARN (`role/teams/payments-dev` → `payments-dev`): what a delete asks to type. */
export const principalNameOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

function toAssociated(policy: EksAssociatedPolicy): AssociatedAccessPolicy {
  const arn = policy.policyArn ?? '';
  const scope = policy.accessScope;
  return {
    policyArn: arn,
    policyName: policyNameOf(arn),
    scope:
      scope?.type === 'namespace'
        ? { type: 'namespace', namespaces: scope.namespaces ?? [] }
        : { type: 'cluster' },
    ...(policy.associatedAt ? { associatedAt: policy.associatedAt.toISOString() } : {}),
  };
}

/** The Access tab: access entries and policies, OIDC providers, Pod Identity, and "who can do what". */
export function createAccessService(
  aws: AwsClients,
  inventory: InventoryService,
  rbac: RbacReader,
  runChange: RunChange,
  options: { regions: string[] },
) {
  async function reader(ref: ClusterRef): Promise<EKSClient> {
    assertReadRegion(options.regions, ref.region);
    return aws.eks(await inventory.findAccount(ref.accountId), ref.region);
  }
  const change = eksChange(runChange, async (ref, context) => {
    assertReadRegion(options.regions, ref.region);
    const account = await inventory.findAccount(ref.accountId);
    return aws.changeClient(EKSClient, account, ref.region, context.user);
  });
  const sourceError = (ref: ClusterRef, error: unknown, what: string): SourceError => {
    const upstream = fromAwsError(error);
    return {
      accountId: ref.accountId,
      region: ref.region,
      cluster: ref.name,
      code: upstream.code,
      message: `${what}: ${upstream.message}`,
    };
  };

  async function entries(eks: EKSClient, clusterName: string): Promise<AccessEntry[]> {
    const arns: string[] = [];
    for await (const page of paginateListAccessEntries({ client: eks }, { clusterName }))
      arns.push(...(page.accessEntries ?? []));
    return Promise.all(
      arns.map(async (principalArn): Promise<AccessEntry> => {
        const [{ accessEntry }, policies] = await Promise.all([
          eks.send(new DescribeAccessEntryCommand({ clusterName, principalArn })),
          eks.send(new ListAssociatedAccessPoliciesCommand({ clusterName, principalArn })),
        ]);
        return {
          principalArn,
          type: accessEntry?.type ?? 'STANDARD',
          ...(accessEntry?.username ? { username: accessEntry.username } : {}),
          kubernetesGroups: accessEntry?.kubernetesGroups ?? [],
          ...(accessEntry?.createdAt ? { createdAt: accessEntry.createdAt.toISOString() } : {}),
          policies: (policies.associatedAccessPolicies ?? []).map(toAssociated),
        };
      }),
    );
  }

  async function identityProviders(
    eks: EKSClient,
    clusterName: string,
  ): Promise<IdentityProviderConfig[]> {
    const refs = [];
    for await (const page of paginateListIdentityProviderConfigs({ client: eks }, { clusterName }))
      refs.push(...(page.identityProviderConfigs ?? []));
    return Promise.all(
      refs.map(async (identityProviderConfig) => {
        const { identityProviderConfig: found } = await eks.send(
          new DescribeIdentityProviderConfigCommand({ clusterName, identityProviderConfig }),
        );
        const oidc = found?.oidc ?? {};
        return {
          name: oidc.identityProviderConfigName ?? identityProviderConfig.name ?? '',
          issuerUrl: oidc.issuerUrl ?? '',
          clientId: oidc.clientId ?? '',
          ...(oidc.usernameClaim ? { usernameClaim: oidc.usernameClaim } : {}),
          ...(oidc.usernamePrefix ? { usernamePrefix: oidc.usernamePrefix } : {}),
          ...(oidc.groupsClaim ? { groupsClaim: oidc.groupsClaim } : {}),
          ...(oidc.groupsPrefix ? { groupsPrefix: oidc.groupsPrefix } : {}),
          status: oidc.status ?? 'UNKNOWN',
        };
      }),
    );
  }

  async function podIdentities(
    eks: EKSClient,
    clusterName: string,
  ): Promise<PodIdentityAssociation[]> {
    const ids: string[] = [];
    for await (const page of paginateListPodIdentityAssociations({ client: eks }, { clusterName }))
      ids.push(...(page.associations ?? []).flatMap((item) => item.associationId ?? []));
    return Promise.all(
      ids.map(async (associationId) => {
        const { association } = await eks.send(
          new DescribePodIdentityAssociationCommand({ clusterName, associationId }),
        );
        return {
          associationId,
          namespace: association?.namespace ?? '',
          serviceAccount: association?.serviceAccount ?? '',
          roleArn: association?.roleArn ?? '',
          ...(association?.targetRoleArn ? { targetRoleArn: association.targetRoleArn } : {}),
          ...(iso(association?.modifiedAt) ? { modifiedAt: iso(association?.modifiedAt) } : {}),
        };
      }),
    );
  }

  async function accessPolicies(eks: EKSClient): Promise<ClusterAccess['accessPolicies']> {
    const policies: ClusterAccess['accessPolicies'] = [];
    for await (const page of paginateListAccessPolicies({ client: eks }, {}))
      for (const policy of page.accessPolicies ?? [])
        if (policy.name && policy.arn) policies.push({ name: policy.name, arn: policy.arn });
    return policies;
  }

  /** Each part is read on its own: one that fails is named in `errors` and the others still show. */
  async function clusterAccess(ref: ClusterRef): Promise<ClusterAccess> {
    const cluster = await inventory.getCluster(ref);
    const eks = await reader(ref);
    const errors: SourceError[] = [];
    const part = async <T>(what: string, read: () => Promise<T>, empty: T): Promise<T> => {
      try {
        return await read();
      } catch (error) {
        errors.push(sourceError(ref, error, what));
        return empty;
      }
    };
    // CONFIG_MAP clusters have no access entries: EKS refuses to list them, which is not a fault.
    const apiModes = cluster.authenticationMode !== 'CONFIG_MAP';
    const [entryList, idps, pods, policies] = await Promise.all([
      apiModes ? part('Access entries', () => entries(eks, ref.name), []) : Promise.resolve([]),
      part('Identity provider configs', () => identityProviders(eks, ref.name), []),
      part('Pod Identity associations', () => podIdentities(eks, ref.name), []),
      part('Access policies', () => accessPolicies(eks), []),
    ]);
    return {
      ...(cluster.authenticationMode ? { authenticationMode: cluster.authenticationMode } : {}),
      entries: entryList.sort((a, b) => a.principalArn.localeCompare(b.principalArn)),
      identityProviders: idps,
      podIdentityAssociations: pods.sort(
        (a, b) =>
          a.namespace.localeCompare(b.namespace) ||
          a.serviceAccount.localeCompare(b.serviceAccount),
      ),
      accessPolicies: policies,
      errors,
    };
  }

  async function whoCanDo(ref: ClusterRef, query: WhoCanQuery): Promise<WhoCanAnswer> {
    const [access, rbacRead] = await Promise.all([clusterAccess(ref), rbac.read(ref)]);
    const grants = whoCan(
      {
        entries: access.entries,
        identityProviders: access.identityProviders,
        rbac: rbacRead.objects,
      },
      query,
    );
    return { query, grants, errors: [...access.errors, ...rbacRead.errors] };
  }

  const entryTarget = (ref: ClusterRef, principalArn: string) =>
    eksArn(ref.region, ref.accountId, `access-entry/${ref.name}/${principalArn}`);
  const clusterTarget = (ref: ClusterRef, what: string) =>
    eksArn(ref.region, ref.accountId, `${what}/${ref.name}`);

  return {
    clusterAccess,
    whoCan: whoCanDo,

    createEntry(ref: ClusterRef, body: CreateAccessEntryRequest, context: ChangeContext) {
      return change(
        ref,
        context,
        {
          action: 'access-entry.create',
          target: entryTarget(ref, body.principalArn),
          params: paramsOf(body),
        },
        (eks) =>
          eks.send(
            new CreateAccessEntryCommand({
              clusterName: ref.name,
              principalArn: body.principalArn,
              type: body.type,
              clientRequestToken: body.clientRequestToken,
              ...(body.username ? { username: body.username } : {}),
              ...(body.type === 'STANDARD' ? { kubernetesGroups: body.kubernetesGroups } : {}),
            }),
          ),
      );
    },

    deleteEntry(
      ref: ClusterRef,
      principalArn: string,
      body: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      confirmName(body, principalNameOf(principalArn));
      return change(
        ref,
        context,
        { action: 'access-entry.delete', target: entryTarget(ref, principalArn), params: {} },
        (eks) => eks.send(new DeleteAccessEntryCommand({ clusterName: ref.name, principalArn })),
      );
    },

    associatePolicy(
      ref: ClusterRef,
      principalArn: string,
      body: AssociateAccessPolicyRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      return change(
        ref,
        context,
        { action: 'access-policy.associate', target: entryTarget(ref, principalArn), params: body },
        (eks) =>
          eks.send(
            new AssociateAccessPolicyCommand({
              clusterName: ref.name,
              principalArn,
              policyArn: body.policyArn,
              accessScope:
                body.scope.type === 'cluster'
                  ? { type: 'cluster' }
                  : { type: 'namespace', namespaces: body.scope.namespaces },
            }),
          ),
      );
    },

    disassociatePolicy(
      ref: ClusterRef,
      principalArn: string,
      policyArn: string,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      return change(
        ref,
        context,
        {
          action: 'access-policy.disassociate',
          target: entryTarget(ref, principalArn),
          params: { policyArn },
        },
        (eks) =>
          eks.send(
            new DisassociateAccessPolicyCommand({ clusterName: ref.name, principalArn, policyArn }),
          ),
      );
    },

    associateIdentityProvider(
      ref: ClusterRef,
      body: AssociateIdentityProviderRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const { name, clientRequestToken, ...oidc } = body;
      return change(
        ref,
        context,
        {
          action: 'identity-provider.associate',
          target: clusterTarget(ref, 'cluster'),
          params: paramsOf(body),
        },
        (eks) =>
          eks.send(
            new AssociateIdentityProviderConfigCommand({
              clusterName: ref.name,
              clientRequestToken,
              oidc: { identityProviderConfigName: name, ...oidc },
            }),
          ),
      );
    },

    disassociateIdentityProvider(
      ref: ClusterRef,
      name: string,
      body: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      confirmName(body, name);
      return change(
        ref,
        context,
        {
          action: 'identity-provider.disassociate',
          target: clusterTarget(ref, 'cluster'),
          params: { name },
        },
        (eks) =>
          eks.send(
            new DisassociateIdentityProviderConfigCommand({
              clusterName: ref.name,
              identityProviderConfig: { type: 'oidc', name },
            }),
          ),
      );
    },

    createPodIdentity(
      ref: ClusterRef,
      body: CreatePodIdentityRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      return change(
        ref,
        context,
        {
          action: 'pod-identity.create',
          target: clusterTarget(ref, 'podidentityassociation'),
          params: paramsOf(body),
        },
        (eks) =>
          eks.send(new CreatePodIdentityAssociationCommand({ clusterName: ref.name, ...body })),
      );
    },

    updatePodIdentity(
      ref: ClusterRef,
      associationId: string,
      body: UpdatePodIdentityRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      return change(
        ref,
        context,
        {
          action: 'pod-identity.update',
          target: eksArn(
            ref.region,
            ref.accountId,
            `podidentityassociation/${ref.name}/${associationId}`,
          ),
          params: paramsOf(body),
        },
        (eks) =>
          eks.send(
            new UpdatePodIdentityAssociationCommand({
              clusterName: ref.name,
              associationId,
              roleArn: body.roleArn,
              clientRequestToken: body.clientRequestToken,
            }),
          ),
      );
    },

    /** The typed confirmation is the service account's name, read from EKS first. */
    async deletePodIdentity(
      ref: ClusterRef,
      associationId: string,
      body: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      let serviceAccount: string;
      try {
        const { association } = await (
          await reader(ref)
        ).send(new DescribePodIdentityAssociationCommand({ clusterName: ref.name, associationId }));
        serviceAccount = association?.serviceAccount ?? '';
      } catch (error) {
        throw error instanceof UpstreamError ? error : fromAwsError(error);
      }
      confirmName(body, serviceAccount);
      return change(
        ref,
        context,
        {
          action: 'pod-identity.delete',
          target: eksArn(
            ref.region,
            ref.accountId,
            `podidentityassociation/${ref.name}/${associationId}`,
          ),
          params: {},
        },
        (eks) =>
          eks.send(
            new DeletePodIdentityAssociationCommand({ clusterName: ref.name, associationId }),
          ),
      );
    },
  };
}
export type AccessService = ReturnType<typeof createAccessService>;
