import { describe, expect, it } from 'vitest';
import type { AccessEntry, IdentityProviderConfig } from '@wheelhouse/contract';
import { whoCan, type AccessFacts, type RbacObjects } from './whoCan.ts';

const ACCOUNT = '123456789012';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const policy = (name: string, namespaces?: string[]) => ({
  policyArn: `arn:aws:eks::aws:cluster-access-policy/${name}`,
  policyName: name,
  scope: namespaces ? { type: 'namespace' as const, namespaces } : { type: 'cluster' as const },
});

/** checkout-prod as EKS and kubectl would show it: admins, a namespaced edit team, a group-mapped SRE role, a node role. */
const entries: AccessEntry[] = [
  {
    principalArn: role('eks-admins'),
    type: 'STANDARD',
    kubernetesGroups: [],
    policies: [policy('AmazonEKSClusterAdminPolicy')],
  },
  {
    principalArn: role('payments-developers'),
    type: 'STANDARD',
    kubernetesGroups: [],
    policies: [policy('AmazonEKSEditPolicy', ['payments'])],
  },
  {
    principalArn: role('WheelhouseReadOnly'),
    type: 'STANDARD',
    kubernetesGroups: [],
    policies: [policy('AmazonEKSViewPolicy')],
  },
  { principalArn: role('sre-oncall'), type: 'STANDARD', kubernetesGroups: ['sre'], policies: [] },
  {
    principalArn: role('eks-node-role'),
    type: 'EC2_LINUX',
    username: 'system:node:{{EC2PrivateDNSName}}',
    kubernetesGroups: ['system:nodes'],
    policies: [],
  },
];
const identityProviders: IdentityProviderConfig[] = [
  {
    name: 'corporate-sso',
    issuerUrl: 'https://sso.example.com',
    clientId: 'kubernetes',
    groupsPrefix: 'sso:',
    status: 'ACTIVE',
  },
];
const rbac: RbacObjects = {
  clusterRoles: [
    {
      metadata: { name: 'pod-restarter' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'delete'] }],
    },
    {
      metadata: { name: 'node-reader' },
      rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] }],
    },
  ],
  roles: [
    {
      metadata: { name: 'secret-reader', namespace: 'payments' },
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
    },
  ],
  clusterRoleBindings: [
    {
      metadata: { name: 'sre-restart-pods' },
      roleRef: { kind: 'ClusterRole', name: 'pod-restarter' },
      subjects: [{ kind: 'Group', name: 'sre' }],
    },
    {
      metadata: { name: 'sso-node-readers' },
      roleRef: { kind: 'ClusterRole', name: 'node-reader' },
      subjects: [{ kind: 'Group', name: 'sso:platform' }],
    },
  ],
  roleBindings: [
    {
      metadata: { name: 'ledger-secrets', namespace: 'payments' },
      roleRef: { kind: 'Role', name: 'secret-reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'ledger', namespace: 'payments' }],
    },
    {
      metadata: { name: 'sso-restart-web', namespace: 'web' },
      roleRef: { kind: 'ClusterRole', name: 'pod-restarter' },
      subjects: [{ kind: 'Group', name: 'sso:web-team' }],
    },
  ],
};
const facts: AccessFacts = { entries, identityProviders, rbac };
const subjects = (verb: string, resource: string, namespace?: string) =>
  whoCan(facts, {
    verb: verb as 'get',
    resource,
    ...(namespace ? { namespace } : {}),
  }).map((grant) => `${grant.kind} ${grant.subject} | ${grant.via} | ${grant.scope}`);

describe('who can do what on a cluster', () => {
  it('deleting pods in payments: cluster admins, the namespaced edit team, and the SRE group through its binding', () => {
    expect(subjects('delete', 'pods', 'payments')).toEqual([
      `access-entry ${role('eks-admins')} | AmazonEKSClusterAdminPolicy (cluster) | cluster`,
      `access-entry ${role('payments-developers')} | AmazonEKSEditPolicy (namespaces: payments) | payments`,
      `access-entry ${role('sre-oncall')} | group sre ← ClusterRoleBinding/sre-restart-pods → ClusterRole/pod-restarter | cluster`,
      'rbac-binding Group:sre | ClusterRoleBinding/sre-restart-pods → ClusterRole/pod-restarter | cluster',
    ]);
  });

  it('a namespace-scoped policy and a RoleBinding count only in their namespace', () => {
    const web = subjects('delete', 'pods', 'web');
    expect(web.some((line) => line.includes('payments-developers'))).toBe(false);
    expect(web).toContain(
      'idp-group Group:sso:web-team | corporate-sso (OIDC https://sso.example.com) → RoleBinding/web/sso-restart-web → ClusterRole/pod-restarter | web',
    );
    // Without a namespace the question is "in every namespace": neither grants that.
    const everywhere = subjects('delete', 'pods');
    expect(everywhere.some((line) => line.includes('payments-developers'))).toBe(false);
    expect(everywhere.some((line) => line.includes('sso:web-team'))).toBe(false);
  });

  it('the view policy reads pods but never secrets; a Role grants a service account one secret read', () => {
    expect(subjects('list', 'pods', 'payments')).toContain(
      `access-entry ${role('WheelhouseReadOnly')} | AmazonEKSViewPolicy (cluster) | cluster`,
    );
    expect(subjects('get', 'secrets', 'payments')).toEqual([
      `access-entry ${role('eks-admins')} | AmazonEKSClusterAdminPolicy (cluster) | cluster`,
      `access-entry ${role('payments-developers')} | AmazonEKSEditPolicy (namespaces: payments) | payments`,
      'rbac-binding ServiceAccount:payments/ledger | RoleBinding/payments/ledger-secrets → Role/secret-reader | payments',
    ]);
  });

  it('cluster-scoped resources: only cluster-wide grants, and IdP groups through their prefix', () => {
    expect(subjects('list', 'nodes', 'payments')).toEqual([
      `access-entry ${role('eks-admins')} | AmazonEKSClusterAdminPolicy (cluster) | cluster`,
      'idp-group Group:sso:platform | corporate-sso (OIDC https://sso.example.com) → ClusterRoleBinding/sso-node-readers → ClusterRole/node-reader | cluster',
      'rbac-binding Group:sso:platform | ClusterRoleBinding/sso-node-readers → ClusterRole/node-reader | cluster',
    ]);
  });

  it('nobody but cluster admins may bind roles cluster-wide', () => {
    expect(subjects('create', 'clusterrolebindings')).toEqual([
      `access-entry ${role('eks-admins')} | AmazonEKSClusterAdminPolicy (cluster) | cluster`,
    ]);
  });
});
