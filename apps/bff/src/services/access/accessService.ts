import type { AssociatedAccessPolicy as EksAssociatedPolicy } from '@aws-sdk/client-eks';
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
import type { AwsGateway } from '../../upstream/awsGateway.ts';
import type { EksReads } from '../../upstream/eksGateway.ts';
import { eksArn } from '../../upstream/partition.ts';
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
  aws: AwsGateway,
  inventory: InventoryService,
  rbac: RbacReader,
  runChange: RunChange,
) {
  /** EKS reads of the cluster's account and region (the gateway checks the region is one the console reads). */
  async function reader(ref: ClusterRef): Promise<EksReads> {
    return aws.eks(await aws.locate(ref.accountId, ref.region));
  }
  const change = eksChange(runChange, async (ref, context) =>
    aws.eksAs(await aws.locate(ref.accountId, ref.region), context.user),
  );
  /** A part of the tab that failed; the gateway's clients already turned AWS's error into an UpstreamError. */
  const sourceError = (ref: ClusterRef, error: unknown, what: string): SourceError => {
    const upstream =
      error instanceof UpstreamError
        ? error
        : new UpstreamError(
            502,
            'UnknownError',
            error instanceof Error ? error.message : String(error),
          );
    return {
      accountId: ref.accountId,
      region: ref.region,
      cluster: ref.name,
      code: upstream.code,
      message: `${what}: ${upstream.message}`,
    };
  };

  async function entries(eks: EksReads, clusterName: string): Promise<AccessEntry[]> {
    const arns = await eks.accessEntryArns(clusterName);
    return Promise.all(
      arns.map(async (principalArn): Promise<AccessEntry> => {
        const [accessEntry, policies] = await Promise.all([
          eks.describeAccessEntry(clusterName, principalArn),
          eks.associatedAccessPolicies(clusterName, principalArn),
        ]);
        return {
          principalArn,
          type: accessEntry?.type ?? 'STANDARD',
          ...(accessEntry?.username ? { username: accessEntry.username } : {}),
          kubernetesGroups: accessEntry?.kubernetesGroups ?? [],
          ...(accessEntry?.createdAt ? { createdAt: accessEntry.createdAt.toISOString() } : {}),
          policies: policies.map(toAssociated),
        };
      }),
    );
  }

  async function identityProviders(
    eks: EksReads,
    clusterName: string,
  ): Promise<IdentityProviderConfig[]> {
    const refs = await eks.identityProviderConfigs(clusterName);
    return Promise.all(
      refs.map(async (identityProviderConfig) => {
        const found = await eks.describeIdentityProviderConfig(clusterName, identityProviderConfig);
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
    eks: EksReads,
    clusterName: string,
  ): Promise<PodIdentityAssociation[]> {
    const ids = (await eks.podIdentityAssociations(clusterName)).flatMap(
      (item) => item.associationId ?? [],
    );
    return Promise.all(
      ids.map(async (associationId) => {
        const association = await eks.describePodIdentityAssociation(clusterName, associationId);
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

  async function accessPolicies(eks: EksReads): Promise<ClusterAccess['accessPolicies']> {
    return (await eks.accessPolicies()).flatMap((policy) =>
      policy.name && policy.arn ? [{ name: policy.name, arn: policy.arn }] : [],
    );
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
          eks.createAccessEntry({
            clusterName: ref.name,
            principalArn: body.principalArn,
            type: body.type,
            clientRequestToken: body.clientRequestToken,
            ...(body.username ? { username: body.username } : {}),
            ...(body.type === 'STANDARD' ? { kubernetesGroups: body.kubernetesGroups } : {}),
          }),
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
        (eks) => eks.deleteAccessEntry(ref.name, principalArn),
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
          eks.associateAccessPolicy({
            clusterName: ref.name,
            principalArn,
            policyArn: body.policyArn,
            accessScope:
              body.scope.type === 'cluster'
                ? { type: 'cluster' }
                : { type: 'namespace', namespaces: body.scope.namespaces },
          }),
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
        (eks) => eks.disassociateAccessPolicy(ref.name, principalArn, policyArn),
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
          eks.associateIdentityProviderConfig({
            clusterName: ref.name,
            clientRequestToken,
            oidc: { identityProviderConfigName: name, ...oidc },
          }),
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
        (eks) => eks.disassociateIdentityProviderConfig(ref.name, { type: 'oidc', name }),
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
        (eks) => eks.createPodIdentityAssociation({ clusterName: ref.name, ...body }),
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
          eks.updatePodIdentityAssociation({
            clusterName: ref.name,
            associationId,
            roleArn: body.roleArn,
            clientRequestToken: body.clientRequestToken,
          }),
      );
    },

    /** The typed confirmation is the service account's name, read from EKS first. */
    async deletePodIdentity(
      ref: ClusterRef,
      associationId: string,
      body: ConfirmDeleteRequest,
      context: ChangeContext,
    ): Promise<ChangeResult> {
      const association = await (
        await reader(ref)
      ).describePodIdentityAssociation(ref.name, associationId);
      const serviceAccount = association?.serviceAccount ?? '';
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
        (eks) => eks.deletePodIdentityAssociation(ref.name, associationId),
      );
    },
  };
}
export type AccessService = ReturnType<typeof createAccessService>;
