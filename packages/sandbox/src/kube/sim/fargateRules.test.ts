import { describe, expect, it } from 'vitest';
import { addFargateProfile, kubeTestCluster } from '../../testing/kubeTestWorld.ts';
import type { Node, Pod } from '../objects/types.ts';
import { daemonSet, deployment } from '../seed/workloadBuilders.ts';
import { FARGATE_PROFILE_ANNOTATION } from './fargate.ts';
import { subnetOfAddress } from './podAddresses.ts';
import { internalIpOf } from './podStatus.ts';

/** What EKS on Fargate guarantees: no DaemonSets there, the profile label decides, addresses from the profile's subnets. */

type Test = ReturnType<typeof kubeTestCluster>;

const podsOf = (test: Test, app: string) =>
  test.kube.store.all<Pod>('pods').filter((pod) => pod.metadata.labels?.app === app);
const fargateNodes = (test: Test) =>
  test.kube.store
    .all<Node>('nodes')
    .filter((node) => node.metadata.labels?.['eks.amazonaws.com/compute-type'] === 'fargate');

describe('Fargate', () => {
  it('runs no DaemonSet pods on Fargate nodes, even DaemonSets that tolerate every taint', () => {
    const test = kubeTestCluster({ nodegroups: [] });
    addFargateProfile(test, 'fp-all', [{ namespace: 'default' }, { namespace: 'kube-system' }]);
    const now = test.world.now();
    test.create(
      'deployments',
      deployment({ namespace: 'default', name: 'web', image: 'web:1', replicas: 3 }, now),
    );
    test.create(
      'daemonsets',
      daemonSet(
        {
          namespace: 'kube-system',
          name: 'agent',
          image: 'agent:1',
          tolerations: [{ operator: 'Exists' }],
        },
        now,
      ),
    );
    test.step(5_000, 20);
    expect(podsOf(test, 'web').map((pod) => pod.status.phase)).toEqual([
      'Running',
      'Running',
      'Running',
    ]);
    expect(fargateNodes(test)).toHaveLength(3);
    expect(podsOf(test, 'agent')).toEqual([]);
    for (const node of fargateNodes(test)) {
      expect(test.kube.store.keysOnNode('pods', node.metadata.name)).toHaveLength(1);
    }
  });

  it('places a pod labelled eks.amazonaws.com/fargate-profile on that profile when several match', () => {
    const test = kubeTestCluster({ nodegroups: [] });
    addFargateProfile(test, 'fpa', [{ namespace: 'batch' }]);
    addFargateProfile(test, 'fpb', [{ namespace: 'batch' }]);
    test.create(
      'deployments',
      deployment(
        {
          namespace: 'batch',
          name: 'pinned',
          image: 'job:1',
          replicas: 6,
          labels: { [FARGATE_PROFILE_ANNOTATION]: 'fpb' },
        },
        test.world.now(),
      ),
    );
    test.step(5_000, 20);
    const pinned = podsOf(test, 'pinned');
    expect(pinned).toHaveLength(6);
    for (const pod of pinned) {
      expect(pod.metadata.annotations?.[FARGATE_PROFILE_ANNOTATION]).toBe('fpb');
      const node = test.kube.store.get<Node>('nodes', undefined, pod.spec.nodeName!);
      expect(node?.metadata.labels?.[FARGATE_PROFILE_ANNOTATION]).toBe('fpb');
    }
  });

  it("gives Fargate nodes addresses in their profile's subnets and those subnets' zones, and EC2 pods IPs in their node's subnet", () => {
    const test = kubeTestCluster({
      nodegroups: [{ name: 'general', instanceTypes: ['m5.large'], scaling: [3, 3, 3] }],
    });
    const network = test.world.region(test.cluster.accountId, test.cluster.region).network;
    const privateSubnets = network.subnets.filter((subnet) => !subnet.public);
    const profileSubnets = privateSubnets.slice(1).map((subnet) => subnet.id);
    addFargateProfile(test, 'fp-web', [{ namespace: 'web' }], profileSubnets);
    const now = test.world.now();
    test.create(
      'deployments',
      deployment({ namespace: 'web', name: 'front', image: 'front:1', replicas: 8 }, now),
    );
    test.create(
      'deployments',
      deployment({ namespace: 'apps', name: 'api', image: 'api:1', replicas: 12, cpu: '50m' }, now),
    );
    test.step(5_000, 20);

    const zones = new Set<string>();
    for (const node of fargateNodes(test)) {
      const subnet = subnetOfAddress(test.kube.context, internalIpOf(node)!);
      expect(profileSubnets).toContain(subnet?.id);
      expect(node.metadata.labels?.['topology.kubernetes.io/zone']).toBe(subnet?.availabilityZone);
      expect(node.spec.providerID).toContain(`/${subnet?.availabilityZone}/`);
      zones.add(subnet!.availabilityZone);
    }
    expect(fargateNodes(test)).toHaveLength(8);
    expect(zones.size).toBe(2);

    const api = podsOf(test, 'api');
    expect(api.filter((pod) => pod.status.podIP)).toHaveLength(12);
    for (const pod of api) {
      const node = test.kube.store.get<Node>('nodes', undefined, pod.spec.nodeName!)!;
      expect(node.metadata.labels?.['eks.amazonaws.com/compute-type']).toBeUndefined();
      expect(pod.status.podIP).not.toBe(internalIpOf(node));
      expect(subnetOfAddress(test.kube.context, pod.status.podIP!)?.id).toBe(
        subnetOfAddress(test.kube.context, internalIpOf(node)!)?.id,
      );
    }
    expect(new Set(api.map((pod) => pod.status.podIP)).size).toBe(12);
  });
});
