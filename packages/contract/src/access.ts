import { z } from 'zod';
import { SourceError } from './common.ts';
import { ClientRequestToken } from './compute.ts';
import { text } from './text.ts';

/** An IAM user or role ARN, the principal of an access entry (STS session ARNs are refused by EKS). */
export const PrincipalArn = text.regex(
  /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\/[\w+=,.@/-]{1,512}$/,
  'must be an IAM user or role ARN (arn:aws:iam::<account>:role/<name>)',
);

/** An IAM role ARN (Pod Identity). */
export const RoleArn = text.regex(
  /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
  'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)',
);

/** An EKS access policy ARN (arn:aws:eks::aws:cluster-access-policy/<name>). */
export const AccessPolicyArn = text.regex(
  /^arn:aws[a-z-]*:eks::aws:cluster-access-policy\/[A-Za-z0-9]+$/,
  'must be an EKS access policy ARN (arn:aws:eks::aws:cluster-access-policy/<name>)',
);

/** A Kubernetes namespace name (DNS-1123 label). */
export const NamespaceName = text.regex(
  /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
  'must be a Kubernetes namespace name (lower-case letters, digits and -, at most 63)',
);

/** A Kubernetes service account name (DNS-1123 subdomain). */
export const ServiceAccountName = text.regex(
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  'must be a Kubernetes service account name (lower-case letters, digits, - and .)',
);

export const ACCESS_ENTRY_TYPES = [
  'STANDARD',
  'EC2_LINUX',
  'EC2_WINDOWS',
  'FARGATE_LINUX',
  'EC2',
  'HYBRID_LINUX',
  'HYPERPOD_LINUX',
] as const;

/** Where an associated access policy applies: the whole cluster or some namespaces. */
export const AccessScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cluster') }),
  z.object({
    type: z.literal('namespace'),
    namespaces: z.array(NamespaceName).min(1, 'name at least one namespace'),
  }),
]);
export type AccessScope = z.infer<typeof AccessScope>;

/** An access policy associated with an access entry. */
export const AssociatedAccessPolicy = z.object({
  policyArn: z.string(),
  policyName: z.string(),
  scope: AccessScope,
  associatedAt: z.string().optional(),
});
export type AssociatedAccessPolicy = z.infer<typeof AssociatedAccessPolicy>;

/** An EKS access entry with its Kubernetes identity and associated policies. */
export const AccessEntry = z.object({
  principalArn: z.string(),
  type: z.string(),
  username: z.string().optional(),
  kubernetesGroups: z.array(z.string()),
  createdAt: z.string().optional(),
  policies: z.array(AssociatedAccessPolicy),
});
export type AccessEntry = z.infer<typeof AccessEntry>;

export const IdentityProviderStatus = z.enum(['CREATING', 'DELETING', 'ACTIVE']);

/** An OIDC identity provider associated with a cluster. */
export const IdentityProviderConfig = z.object({
  name: z.string(),
  issuerUrl: z.string(),
  clientId: z.string(),
  usernameClaim: z.string().optional(),
  usernamePrefix: z.string().optional(),
  groupsClaim: z.string().optional(),
  groupsPrefix: z.string().optional(),
  status: z.string(),
});
export type IdentityProviderConfig = z.infer<typeof IdentityProviderConfig>;

/** An EKS Pod Identity association: pods of one service account assume one IAM role. */
export const PodIdentityAssociation = z.object({
  associationId: z.string(),
  namespace: z.string(),
  serviceAccount: z.string(),
  roleArn: z.string(),
  targetRoleArn: z.string().optional(),
  modifiedAt: z.string().optional(),
});
export type PodIdentityAssociation = z.infer<typeof PodIdentityAssociation>;

/** The Access tab of one cluster; each part that could not be read is named in `errors`. */
export const ClusterAccess = z.object({
  authenticationMode: z.string().optional(),
  entries: z.array(AccessEntry),
  identityProviders: z.array(IdentityProviderConfig),
  podIdentityAssociations: z.array(PodIdentityAssociation),
  /** Every access policy EKS offers, for the associate form. */
  accessPolicies: z.array(z.object({ name: z.string(), arn: z.string() })),
  errors: z.array(SourceError),
});
export type ClusterAccess = z.infer<typeof ClusterAccess>;

export const CreateAccessEntryRequest = z.object({
  clientRequestToken: ClientRequestToken,
  principalArn: PrincipalArn,
  type: z.enum(ACCESS_ENTRY_TYPES).default('STANDARD'),
  username: text.min(1).max(255).optional(),
  kubernetesGroups: z
    .array(
      text
        .min(1)
        .max(255)
        .refine((group) => !group.startsWith('system:'), "must not start with 'system:'"),
    )
    .max(100)
    .default([]),
});
export type CreateAccessEntryRequest = z.input<typeof CreateAccessEntryRequest>;

export const AssociateAccessPolicyRequest = z.object({
  policyArn: AccessPolicyArn,
  scope: AccessScope,
});
export type AssociateAccessPolicyRequest = z.infer<typeof AssociateAccessPolicyRequest>;

export const AssociateIdentityProviderRequest = z.object({
  clientRequestToken: ClientRequestToken,
  name: text.regex(
    /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/,
    'must start with a letter or digit and hold only letters, digits, - and _ (at most 100)',
  ),
  issuerUrl: text.regex(/^https:\/\/\S+$/, 'must be an https URL'),
  clientId: text.min(1, 'is required').max(255),
  usernameClaim: text.min(1).max(255).optional(),
  usernamePrefix: text.min(1).max(255).optional(),
  groupsClaim: text.min(1).max(255).optional(),
  groupsPrefix: text.min(1).max(255).optional(),
});
export type AssociateIdentityProviderRequest = z.infer<typeof AssociateIdentityProviderRequest>;

export const CreatePodIdentityRequest = z.object({
  clientRequestToken: ClientRequestToken,
  namespace: NamespaceName,
  serviceAccount: ServiceAccountName,
  roleArn: RoleArn,
});
export type CreatePodIdentityRequest = z.infer<typeof CreatePodIdentityRequest>;

export const UpdatePodIdentityRequest = z.object({
  clientRequestToken: ClientRequestToken,
  roleArn: RoleArn,
});
export type UpdatePodIdentityRequest = z.infer<typeof UpdatePodIdentityRequest>;

/** "Who can <verb> <resource> in <namespace>?"; no namespace asks about the whole cluster. */
export const WhoCanQuery = z.object({
  verb: z.enum(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']),
  resource: text.regex(
    /^[a-z][a-z0-9.-]*(\/[a-z]+)?$/,
    'must be a resource such as pods or pods/log',
  ),
  namespace: NamespaceName.optional(),
});
export type WhoCanQuery = z.infer<typeof WhoCanQuery>;

/** One reason a subject may do it: an access entry's policy, an RBAC binding, or a binding an IdP group or entry group reaches. */
export const AccessGrant = z.object({
  kind: z.enum(['access-entry', 'idp-group', 'rbac-binding']),
  /** Who: a principal ARN, `Group:<name>`, `User:<name>` or `ServiceAccount:<ns>/<name>`. */
  subject: z.string(),
  /** What grants it: `AmazonEKSEditPolicy (namespaces: payments)` or `ClusterRoleBinding/x → ClusterRole/y`. */
  via: z.string(),
  /** `cluster` or the namespace the grant is limited to. */
  scope: z.string(),
});
export type AccessGrant = z.infer<typeof AccessGrant>;

export const WhoCanAnswer = z.object({
  query: WhoCanQuery,
  grants: z.array(AccessGrant),
  errors: z.array(SourceError),
});
export type WhoCanAnswer = z.infer<typeof WhoCanAnswer>;
