import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReview, PodList } from '@wheelhouse/contract';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

/**
 * Node labels (where each pod runs) are cached per cluster for a while; the cache is per identity,
 * since the cluster's RBAC decides who may read nodes. A console of its own: nobody has read as the
 * operator before the test changes her RBAC, so her answer is not her own earlier one.
 */

const K8S = '/api/clusters/123456789012/eu-west-1/ml-training/k8s';
/** A pod placed by its node's labels (a node group named); Fargate pods say it in their own annotation. */
const named = (pod: PodList['items'][number]) =>
  pod.runsOn.kind !== 'fargate' && Boolean(pod.runsOn.name);
let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;

beforeAll(async () => {
  c = await startConsoleOnSandbox();
}, 120_000);
afterAll(() => c?.close());

describe('cached Kubernetes reads', () => {
  it("never serves one person's cached node reads to another whose RBAC differs", async () => {
    const admin = await c.signIn('admin');
    const operator = await c.signIn('operator');
    const kube = c.sandbox!.kubernetes!;
    const cluster = kube.kubeOf(kube.findCluster('123456789012', 'eu-west-1', 'ml-training')!)!;
    // The operator loses the cluster-scoped reads (nodes) but keeps `edit` in kube-system.
    const binding = cluster.store.get(
      'clusterrolebindings',
      undefined,
      'wheelhouse-operators-cluster',
    )!;
    cluster.store.remove('clusterrolebindings', undefined, 'wheelhouse-operators-cluster');
    try {
      expect(
        (await operator.json<AccessReview>(`${K8S}/access-review?verb=list&resource=nodes`))
          .allowed,
      ).toBe(false);
      // The admin reads first, so a cache keyed by cluster alone would hand the operator her node labels.
      const adminPods = await admin.json<PodList>(`${K8S}/pods?namespace=kube-system`);
      const placed = adminPods.items.filter(named);
      expect(placed.length).toBeGreaterThan(0);
      const operatorPods = await operator.json<PodList>(`${K8S}/pods?namespace=kube-system`);
      expect(operatorPods.items.map((pod) => pod.name).sort()).toEqual(
        adminPods.items.map((pod) => pod.name).sort(),
      );
      // Listed, but without the placement only node reads give.
      expect(operatorPods.items.filter(named)).toEqual([]);
      // And the other way round: the admin's answer is not the operator's cached one.
      const again = await admin.json<PodList>(`${K8S}/pods?namespace=kube-system`);
      expect(again.items.filter(named).length).toBe(placed.length);
    } finally {
      cluster.store.create('clusterrolebindings', binding, new Date().toISOString());
    }
  });
});
