import { describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../../testing/kubeTestWorld.ts';
import type { Deployment, Node, NodeClaim, NodePool, Pod } from '../objects/types.ts';
import {
  defaultNodeClass,
  defaultNodePool,
  karpenterCustomResourceDefinitions,
} from '../seed/karpenterBuilders.ts';
import { deployment } from '../seed/workloadBuilders.ts';
import { durationMs } from './karpenter.ts';

function karpenterCluster() {
  const test = kubeTestCluster({
    nodegroups: [{ name: 'system', instanceTypes: ['t3.medium'], scaling: [1, 1, 1] }],
  });
  const now = test.world.now();
  for (const crd of karpenterCustomResourceDefinitions(now))
    test.create('customresourcedefinitions', crd);
  test.create('ec2nodeclasses', defaultNodeClass(test.cluster.name, now));
  const pool = defaultNodePool(now);
  pool.spec.limits = { cpu: '16', memory: '64Gi' };
  test.create('nodepools', pool);
  return test;
}

describe("Karpenter's controller", () => {
  it('launches a node for pods no node fits, and removes it once empty for consolidateAfter', () => {
    const test = karpenterCluster();
    const { store } = test.kube;
    test.create(
      'deployments',
      deployment(
        {
          namespace: 'default',
          name: 'batch',
          image: 'batch:1',
          replicas: 3,
          cpu: '1',
          memory: '2Gi',
          nodeSelector: { 'workload-tier': 'general' },
        },
        test.world.now(),
      ),
    );
    test.step(1_000, 10);
    const claims = () => store.all<NodeClaim>('nodeclaims');
    expect(claims()).toHaveLength(1);
    const [claim] = claims();
    // 3 cores and 6 GiB of requests: the smallest c/m/r of generation 5 on that holds them.
    expect(claim!.metadata.labels).toMatchObject({
      'karpenter.sh/nodepool': 'default',
      'karpenter.sh/capacity-type': 'spot',
      'node.kubernetes.io/instance-type': expect.stringMatching(/^[cmr]\d/),
    });
    expect(claim!.spec.resources?.requests).toMatchObject({ cpu: '3', pods: '3' });

    // The instance runs after 20 s, the node is Ready 15 s later, then the pods are scheduled there.
    test.step(1_000, 60);
    const ready = claims()[0]!;
    expect(ready.status.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const pods = store.all<Pod>('pods').filter((pod) => pod.metadata.namespace === 'default');
    expect(pods.map((pod) => pod.spec.nodeName)).toEqual([
      ready.status.nodeName,
      ready.status.nodeName,
      ready.status.nodeName,
    ]);
    const node = store.get<Node>('nodes', undefined, ready.status.nodeName!)!;
    expect(node.metadata.labels?.['karpenter.sh/nodepool']).toBe('default');
    expect(node.spec.providerID).toBe(ready.status.providerID);
    const pool = store.get<NodePool>('nodepools', undefined, 'default')!;
    expect(pool.status.resources?.nodes).toBe('1');

    // Scaled to zero: the node is empty, and after a minute (consolidateAfter) it is gone.
    const batch = store.get<Deployment>('deployments', 'default', 'batch')!;
    store.update('deployments', batch, (draft) => {
      draft.spec.replicas = 0;
    });
    test.step(1_000, 45);
    expect(claims()).toHaveLength(1);
    test.step(1_000, 60);
    expect(claims()).toHaveLength(0);
    test.step(1_000, 5);
    const instanceId = ready.status.providerID!.split('/').pop()!;
    const instance = test.world.ec2.find(test.cluster.accountId, test.cluster.region, instanceId);
    expect(instance?.state).toMatch(/^(shutting-down|terminated)$/);
    expect(store.get<Node>('nodes', undefined, ready.status.nodeName!)).toBeUndefined();
  });

  it("launches nothing past the pool's limits", () => {
    const test = karpenterCluster();
    const pool = test.kube.store.get<NodePool>('nodepools', undefined, 'default')!;
    test.kube.store.update('nodepools', pool, (draft) => {
      draft.spec.limits = { cpu: '2' };
    });
    test.create(
      'deployments',
      deployment(
        {
          namespace: 'default',
          name: 'big',
          image: 'big:1',
          replicas: 1,
          cpu: '3',
          memory: '1Gi',
          nodeSelector: { 'workload-tier': 'general' },
        },
        test.world.now(),
      ),
    );
    test.step(1_000, 30);
    expect(test.kube.store.all<NodeClaim>('nodeclaims')).toEqual([]);
  });

  it('reads consolidateAfter as Karpenter writes it', () => {
    expect(durationMs('1m')).toBe(60_000);
    expect(durationMs('1h30m')).toBe(5_400_000);
    expect(durationMs('30s')).toBe(30_000);
    expect(durationMs('Never')).toBeUndefined();
    expect(durationMs('soon')).toBeUndefined();
  });
});
