import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditPage,
  ChangeResult,
  ClusterAccess,
  Problem,
  WhoCanAnswer,
} from '@wheelhouse/contract';
import type { ConsoleClient } from '../../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let operator: ConsoleClient;
let auditor: ConsoleClient;
const HOME = '123456789012';
const CHECKOUT = `/api/clusters/${HOME}/us-east-1/checkout-prod`;
const PRINCIPAL = `arn:aws:iam::${HOME}:role/qa-readers`;
const EDIT_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy';
const entryPath = (arn: string) => `${CHECKOUT}/access-entries/${encodeURIComponent(arn)}`;
let tokens = 0;
const token = () => `access-test-${++tokens}`;

beforeAll(async () => {
  c = await startConsoleOnSandbox({ speed: 200 });
  operator = await c.signIn('operator');
  auditor = await c.signIn('auditor');
});
afterAll(() => c.close());

const accessOf = (client: ConsoleClient) => client.json<ClusterAccess>(`${CHECKOUT}/access`);

describe('the Access tab of a cluster, on the sandbox through the AWS SDK', () => {
  it('shows the authentication mode, access entries with scoped policies, the OIDC provider and Pod Identity', async () => {
    const access = await accessOf(auditor);
    expect(access.errors).toEqual([]);
    expect(access.authenticationMode).toBe('API');
    const developers = access.entries.find(
      (entry) => entry.principalArn === `arn:aws:iam::${HOME}:role/payments-developers`,
    );
    expect(developers?.policies).toEqual([
      expect.objectContaining({
        policyName: 'AmazonEKSEditPolicy',
        scope: { type: 'namespace', namespaces: ['payments'] },
      }),
    ]);
    expect(access.identityProviders).toEqual([
      expect.objectContaining({ name: 'corporate-sso', groupsPrefix: 'sso:', status: 'ACTIVE' }),
    ]);
    expect(access.podIdentityAssociations.map((a) => `${a.namespace}/${a.serviceAccount}`)).toEqual(
      ['kube-system/aws-load-balancer-controller', 'payments/checkout-api'],
    );
    expect(access.accessPolicies.map((p) => p.name)).toContain('AmazonEKSViewPolicy');
  });

  it('lets an operator create an entry, scope a policy to a namespace and delete the entry with its typed name, each change audited with SourceIdentity', async () => {
    const created = await operator.request('POST', `${CHECKOUT}/access-entries`, {
      principalArn: PRINCIPAL,
      kubernetesGroups: ['qa'],
      clientRequestToken: token(),
    });
    expect(created.status).toBe(201);
    const associated = await operator.request('POST', `${entryPath(PRINCIPAL)}/policies`, {
      policyArn: EDIT_POLICY,
      scope: { type: 'namespace', namespaces: ['web'] },
    });
    expect(associated.status).toBe(200);
    const entry = (await accessOf(operator)).entries.find((e) => e.principalArn === PRINCIPAL);
    expect(entry).toMatchObject({
      kubernetesGroups: ['qa'],
      policies: [
        { policyName: 'AmazonEKSEditPolicy', scope: { type: 'namespace', namespaces: ['web'] } },
      ],
    });

    const who = await auditor.json<WhoCanAnswer>(
      `${CHECKOUT}/access/who-can?verb=delete&resource=pods&namespace=web`,
    );
    expect(who.grants).toContainEqual({
      kind: 'access-entry',
      subject: PRINCIPAL,
      via: 'AmazonEKSEditPolicy (namespaces: web)',
      scope: 'web',
    });
    const elsewhere = await auditor.json<WhoCanAnswer>(
      `${CHECKOUT}/access/who-can?verb=delete&resource=pods&namespace=payments`,
    );
    expect(elsewhere.grants.map((g) => g.subject)).not.toContain(PRINCIPAL);

    const disassociated = await operator.request(
      'DELETE',
      `${entryPath(PRINCIPAL)}/policies/${encodeURIComponent(EDIT_POLICY)}`,
      {},
    );
    expect(disassociated.status).toBe(200);
    expect(
      (await accessOf(operator)).entries.find((e) => e.principalArn === PRINCIPAL)?.policies,
    ).toEqual([]);

    const wrong = await operator.request('DELETE', entryPath(PRINCIPAL), { confirmName: 'qa' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as Problem).errors).toEqual([
      { field: 'confirmName', message: 'must be qa-readers' },
    ]);
    const removed = await operator.request('DELETE', entryPath(PRINCIPAL), {
      confirmName: 'qa-readers',
    });
    expect(removed.status).toBe(200);
    expect((await accessOf(operator)).entries.map((e) => e.principalArn)).not.toContain(PRINCIPAL);

    const trail = c.sandbox!.trail.filter((event) =>
      [
        'CreateAccessEntry',
        'AssociateAccessPolicy',
        'DisassociateAccessPolicy',
        'DeleteAccessEntry',
      ].includes(event.eventName),
    );
    expect(trail.map((e) => e.eventName)).toEqual([
      'CreateAccessEntry',
      'AssociateAccessPolicy',
      'DisassociateAccessPolicy',
      'DeleteAccessEntry',
    ]);
    for (const event of trail) expect(event.sourceIdentity).toBe('operator');
    const audit = await operator.json<AuditPage>('/api/audit?action=access-&limit=10');
    expect(audit.items.map((e) => `${e.action} ${e.outcome}`).reverse()).toEqual([
      'access-entry.create success',
      'access-policy.associate success',
      'access-policy.disassociate success',
      'access-entry.delete success',
    ]);
    // What was asked, without the idempotency token.
    expect(audit.items.find((e) => e.action === 'access-entry.create')?.params).toEqual({
      principalArn: PRINCIPAL,
      type: 'STANDARD',
      kubernetesGroups: ['qa'],
    });
  });

  it("answers EKS's own error, as AWS wrote it, for a second entry of the same principal", async () => {
    const body = {
      principalArn: `arn:aws:iam::${HOME}:role/eks-admins`,
      clientRequestToken: token(),
    };
    const response = await operator.request('POST', `${CHECKOUT}/access-entries`, body);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      awsCode: 'ResourceInUseException',
      detail: 'The specified access entry resource is already in use on this cluster.',
    });
  });

  it('refuses a bad principal and a namespace scope without namespaces, naming the field', async () => {
    const bad = await operator.request('POST', `${CHECKOUT}/access-entries`, {
      principalArn: 'arn:aws:sts::123456789012:assumed-role/x/y',
      clientRequestToken: token(),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.field)).toEqual(['principalArn']);
    const scope = await operator.request(
      'POST',
      `${entryPath(`arn:aws:iam::${HOME}:role/eks-admins`)}/policies`,
      { policyArn: EDIT_POLICY, scope: { type: 'namespace', namespaces: [] } },
    );
    expect(scope.status).toBe(400);
    expect(((await scope.json()) as Problem).errors?.map((e) => e.field)).toEqual([
      'scope.namespaces',
    ]);
  });

  it('creates, updates and deletes a Pod Identity association (typed service account name)', async () => {
    const created = await operator.request('POST', `${CHECKOUT}/pod-identity-associations`, {
      namespace: 'web',
      serviceAccount: 'storefront',
      roleArn: `arn:aws:iam::${HOME}:role/storefront-pods`,
      clientRequestToken: token(),
    });
    expect(created.status).toBe(201);
    const association = (await accessOf(operator)).podIdentityAssociations.find(
      (a) => a.serviceAccount === 'storefront',
    )!;
    expect(association.roleArn).toBe(`arn:aws:iam::${HOME}:role/storefront-pods`);
    const path = `${CHECKOUT}/pod-identity-associations/${association.associationId}`;
    const updated = await operator.request('POST', path, {
      roleArn: `arn:aws:iam::${HOME}:role/storefront-pods-v2`,
      clientRequestToken: token(),
    });
    expect(updated.status).toBe(200);
    expect(
      (await accessOf(operator)).podIdentityAssociations.find(
        (a) => a.serviceAccount === 'storefront',
      )?.roleArn,
    ).toBe(`arn:aws:iam::${HOME}:role/storefront-pods-v2`);
    expect((await operator.request('DELETE', path, { confirmName: 'web' })).status).toBe(400);
    expect((await operator.request('DELETE', path, { confirmName: 'storefront' })).status).toBe(
      200,
    );
    expect(
      (await accessOf(operator)).podIdentityAssociations.map((a) => a.serviceAccount),
    ).not.toContain('storefront');
  });

  it('associates an OIDC provider (an EKS update) and disassociates it once ACTIVE', async () => {
    const tools = `/api/clusters/${HOME}/us-east-1/platform-tools`;
    const response = await operator.request('POST', `${tools}/identity-providers`, {
      name: 'test-sso',
      issuerUrl: 'https://idp.example.com',
      clientId: 'kubernetes',
      groupsClaim: 'groups',
      groupsPrefix: 'oidc:',
      clientRequestToken: token(),
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as ChangeResult).update).toMatchObject({
      type: 'AssociateIdentityProviderConfig',
      status: 'InProgress',
    });
    for (let i = 0; i < 100; i += 1) {
      const access = await operator.json<ClusterAccess>(`${tools}/access`);
      if (access.identityProviders[0]?.status === 'ACTIVE') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const gone = await operator.request('DELETE', `${tools}/identity-providers/test-sso`, {
      confirmName: 'test-sso',
    });
    expect(gone.status).toBe(202);
  });

  it('answers an auditor 403 on a change and records the attempt', async () => {
    const response = await auditor.request('POST', `${CHECKOUT}/access-entries`, {
      principalArn: PRINCIPAL,
      clientRequestToken: token(),
    });
    expect(response.status).toBe(403);
    const admin = await c.signIn('admin');
    const denied = await admin.json<AuditPage>('/api/audit?user=auditor&outcome=denied');
    expect(denied.items.map((e) => e.action)).toContain('access-entry.create');
  });

  it('names the RBAC objects it could not list and still answers from access entries', async () => {
    const who = await auditor.json<WhoCanAnswer>(
      `${CHECKOUT}/access/who-can?verb=get&resource=pods&namespace=payments`,
    );
    expect(who.grants).toContainEqual(
      expect.objectContaining({
        subject: `arn:aws:iam::${HOME}:role/eks-admins`,
        scope: 'cluster',
      }),
    );
    // Until the sandbox serves rbac.authorization.k8s.io/v1, each kind is named as not served.
    for (const error of who.errors) expect(error.message).toMatch(/^RBAC objects: /);
    const bad = await auditor.request('GET', `${CHECKOUT}/access/who-can?verb=fly&resource=pods`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).errors?.map((e) => e.field)).toEqual(['verb']);
  });
});
