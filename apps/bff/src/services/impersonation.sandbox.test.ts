import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReview, NodeList, PodList, Problem } from '@wheelhouse/contract';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

/** Kubernetes reads act for the signed-in user: the sandbox cluster's RBAC decides, not the console. */

const K8S = '/api/clusters/123456789012/eu-west-1/ml-training/k8s';
let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;

beforeAll(async () => {
  c = await startConsoleOnSandbox();
}, 120_000);
afterAll(() => c?.close());

describe('Kubernetes reads as the signed-in user', () => {
  it("gives an admin the pods of the namespace hidden from operators, and refuses the operator with the cluster's reason", async () => {
    const admin = await c.signIn('admin');
    const operator = await c.signIn('operator');
    const adminPods = await admin.json<PodList>(`${K8S}/pods?namespace=training`);
    expect(adminPods.items.length).toBeGreaterThan(0);
    const refused = await operator.request('GET', `${K8S}/pods?namespace=training`);
    expect(refused.status).toBe(403);
    const problem = (await refused.json()) as Problem;
    expect(problem.kubeReason).toBe('Forbidden');
    expect(problem.detail).toContain(
      'Your groups (wheelhouse:operator) may not list pods in training.',
    );
    expect(problem.detail).toContain('User "operator" cannot list resource "pods"');
    const notebooks = await operator.json<PodList>(`${K8S}/pods?namespace=notebooks`);
    expect(notebooks.items.length).toBeGreaterThan(0);
  });

  it("lists nodes for an operator who may not list every namespace's pods, saying why requests are missing", async () => {
    const operator = await c.signIn('operator');
    const admin = await c.signIn('admin');
    const theirs = await operator.json<NodeList>(`${K8S}/nodes`);
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.requestsHidden).toContain('User "operator" cannot list resource "pods"');
    const full = await admin.json<NodeList>(`${K8S}/nodes`);
    expect(full.requestsHidden).toBeUndefined();
    expect(full.items.map((n) => n.name)).toEqual(theirs.items.map((n) => n.name));
    expect(full.items.some((n) => n.pods > 0)).toBe(true);
  });

  it('answers access-review as the user, naming the missing verb and resource', async () => {
    const operator = await c.signIn('operator');
    const auditor = await c.signIn('auditor');
    expect(
      await operator.json<AccessReview>(
        `${K8S}/access-review?verb=list&resource=pods&namespace=training`,
      ),
    ).toEqual({
      allowed: false,
      verb: 'list',
      resource: 'pods',
      namespace: 'training',
      reason: 'your groups (wheelhouse:operator) may not list pods in training',
    });
    expect(
      (
        await auditor.json<AccessReview>(
          `${K8S}/access-review?verb=list&resource=pods&namespace=training`,
        )
      ).allowed,
    ).toBe(true);
    expect(
      (
        await auditor.json<AccessReview>(
          `${K8S}/access-review?verb=get&resource=secrets&namespace=training`,
        )
      ).allowed,
    ).toBe(false);
    const bad = await auditor.request('GET', `${K8S}/access-review?verb=LIST&resource=pods`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('verb');
  });
});
