import { z } from 'zod';
import { AccessPolicyArn, PrincipalArn } from './access.ts';
import { AccountId, ClusterRef, Region, ResourceName } from './common.ts';
import { FargateMatchQuery } from './compute.ts';
import { DashboardToken } from './dashboard.ts';
import { KubernetesVersionOption } from './lifecycle.ts';
import { RestartableKind, ScalableKind } from './workloadActions.ts';

// Path parameters, queries and small bodies of the endpoints (endpoints/*.ts) that have no
// richer schema of their own elsewhere in the contract.

/** Route parameters that address one node group of a cluster. */
export const NodegroupRef = ClusterRef.extend({ nodegroup: ResourceName });
export type NodegroupRef = z.infer<typeof NodegroupRef>;

/** Route parameters that address one Fargate profile of a cluster. */
export const FargateProfileRef = ClusterRef.extend({ profile: ResourceName });
export type FargateProfileRef = z.infer<typeof FargateProfileRef>;

/** `label=k=v` query parameters (repeatable) as a label map. */
const LabelParams = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value, ctx) => {
    const labels: Record<string, string> = {};
    for (const pair of value === undefined ? [] : Array.isArray(value) ? value : [value]) {
      const at = pair.indexOf('=');
      if (at < 1) {
        ctx.addIssue({ code: 'custom', message: `"${pair}" is not key=value` });
        return z.NEVER;
      }
      labels[pair.slice(0, at)] = pair.slice(at + 1);
    }
    return labels;
  });

/** The fargate-match query: `?namespace=ns&label=k=v&label=k2=v2`. */
export const FargateMatchParams = z.object({
  namespace: FargateMatchQuery.shape.namespace,
  label: LabelParams,
});

/** The versions query: where a new cluster would be made. */
export const VersionsQuery = z.object({ accountId: AccountId, region: Region });

export const KubernetesVersionOptions = z.array(KubernetesVersionOption);

// Kubernetes names: DNS-1123 labels for namespaces, subdomains for pods.
const Namespace = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'is not a Kubernetes namespace name');
const PodName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'is not a Kubernetes pod name');

/** Route parameters that address one pod of a cluster. */
export const PodRef = ClusterRef.extend({ namespace: Namespace, pod: PodName });

/** A node group as Kubernetes labels name it (EKS: letters, digits, - and _, up to 63). */
export const NodeGroupLabelRef = ClusterRef.extend({
  nodegroup: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, 'is not a node group name'),
});

/** `?namespace=`: one namespace, or all when left out. */
export const NamespaceQuery = z.object({ namespace: Namespace.optional() });

/** A wall screen presents its token to get a dashboard cookie. */
export const DashboardTokenBody = z.object({ token: z.string().min(1, 'is required').max(200) });

/** Route parameter of one dashboard token. */
export const DashboardTokenRef = z.object({ id: z.uuid() });

export const DashboardTokenList = z.array(DashboardToken);

/** What GET /api/dashboard/session tells a wall screen about the token it presented. */
export const DashboardSessionInfo = z.object({ name: z.string(), expiresAt: z.string() });
export type DashboardSessionInfo = z.infer<typeof DashboardSessionInfo>;

/** An OpenAPI 3.1 document (validated by an OpenAPI validator in the BFF's tests, not here). */
export const OpenApiDocument = z.looseObject({ openapi: z.string() });

/** Route parameters of one access entry; principal ARNs travel URL-encoded (they hold "/" and ":"). */
export const AccessEntryRef = ClusterRef.extend({ principalArn: PrincipalArn });

/** Route parameters of one access policy associated with an access entry. */
export const AccessPolicyRef = AccessEntryRef.extend({ policyArn: AccessPolicyArn });

/** Route parameters of one OIDC identity provider config of a cluster. */
export const IdentityProviderRef = ClusterRef.extend({ config: ResourceName });

/** Route parameters of one EKS Pod Identity association. */
export const PodIdentityRef = ClusterRef.extend({
  associationId: z
    .string()
    .regex(/^a-[a-z0-9]{1,64}$/, 'must be a Pod Identity association id (a-…)'),
});

// Kubernetes object names of the workload, pod and node actions (DNS-1123 subdomains).
const ObjectName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'is not a Kubernetes object name');

/** Route parameters of a workload that can be restarted. */
export const RestartableWorkloadRef = ClusterRef.extend({
  kind: RestartableKind,
  namespace: Namespace,
  workload: ObjectName,
});

/** Route parameters of a workload that can be scaled. */
export const ScalableWorkloadRef = ClusterRef.extend({
  kind: ScalableKind,
  namespace: Namespace,
  workload: ObjectName,
});

/** Route parameters of a pod acted on (deleted). */
export const PodActionRef = ClusterRef.extend({ namespace: Namespace, pod: ObjectName });

/** Route parameters of one node of a cluster. */
export const NodeRef = ClusterRef.extend({ node: ObjectName });

/** `GET /healthz`: the process serves HTTP. */
export const Liveness = z.object({ status: z.literal('ok') });
