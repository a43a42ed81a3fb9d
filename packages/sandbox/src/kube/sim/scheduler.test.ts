import { describe, expect, it } from 'vitest';
import { addFargateProfile, addInstance, kubeTestCluster } from '../../testing/kubeTestWorld.ts';
import type { Deployment, KubeEvent, Node, Pod } from '../objects/types.ts';
import { daemonSet, deployment } from '../seed/workloadBuilders.ts';
import { FARGATE_PROFILE_ANNOTATION } from './fargate.ts';
import { podStatusReason } from '../api/tableColumns.ts';

const pods = (kube: ReturnType<typeof kubeTestCluster>['kube'], app: string) =>
  kube.store.all<Pod>('pods').filter((pod) => pod.metadata.labels?.app === app);
const phases = (list: Pod[]) => list.map((pod) => podStatusReason(pod)).sort();
const failedScheduling = (kube: ReturnType<typeof kubeTestCluster>['kube']) =>
  kube.store
    .all<KubeEvent>('events')
    .filter((event) => event.reason === 'FailedScheduling')
    .map((event) => event.message);

describe('the scheduler', () => {
  it('places pods by their requests, and leaves one that fits nowhere Pending with FailedScheduling', () => {
    const test = kubeTestCluster({
      nodegroups: [{ name: 'general', instanceTypes: ['m5.large'], scaling: [1, 2, 4] }],
    });
    test.create(
      'deployments',
      deployment(
        { namespace: 'web', name: 'api', image: 'api:1', replicas: 3, cpu: '500m' },
        test.world.now(),
      ),
    );
    test.create(
      'deployments',
      deployment({ namespace: 'web', name: 'huge', image: 'huge:1', cpu: '3' }, test.world.now()),
    );
    test.step(1_000, 15);
    expect(phases(pods(test.kube, 'api'))).toEqual(['Running', 'Running', 'Running']);
    const huge = pods(test.kube, 'huge')[0]!;
    expect(huge.status.phase).toBe('Pending');
    expect(huge.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }),
    );
    expect(failedScheduling(test.kube)).toContain(
      '0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
    // A new pod does not wait for the unschedulable one's retry.
    test.kube.store.update(
      'deployments',
      test.kube.store.get<Deployment>('deployments', 'web', 'api')!,
      (draft) => {
        draft.spec.replicas = 4;
      },
    );
    test.step(1_000, 10);
    expect(phases(pods(test.kube, 'api'))).toEqual(['Running', 'Running', 'Running', 'Running']);
  });

  it('keeps pods off tainted nodes unless they tolerate the taint, and honours nodeSelector', () => {
    const test = kubeTestCluster({
      nodegroups: [
        {
          name: 'gpu',
          instanceTypes: ['g5.2xlarge'],
          scaling: [1, 1, 2],
          labels: { accelerator: 'nvidia' },
          taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NO_SCHEDULE' }],
        },
        { name: 'general', instanceTypes: ['m5.large'], scaling: [1, 1, 2] },
      ],
    });
    const now = test.world.now();
    const gpuNode = test.kube.store
      .all<Node>('nodes')
      .find((node) => node.metadata.labels?.['eks.amazonaws.com/nodegroup'] === 'gpu')!;
    expect(gpuNode.spec.taints).toEqual([
      { key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' },
    ]);
    test.create(
      'deployments',
      deployment(
        { namespace: 'ml', name: 'plain', image: 'plain:1', replicas: 2, cpu: '100m' },
        now,
      ),
    );
    test.create(
      'deployments',
      deployment(
        {
          namespace: 'ml',
          name: 'trainer',
          image: 'trainer:1',
          cpu: '1',
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          nodeSelector: { accelerator: 'nvidia' },
        },
        now,
      ),
    );
    test.create(
      'deployments',
      deployment(
        {
          namespace: 'ml',
          name: 'lost',
          image: 'lost:1',
          cpu: '100m',
          nodeSelector: { accelerator: 'tpu' },
        },
        now,
      ),
    );
    test.step(1_000, 15);
    expect(pods(test.kube, 'plain').map((pod) => pod.spec.nodeName)).not.toContain(
      gpuNode.metadata.name,
    );
    expect(pods(test.kube, 'plain').every((pod) => pod.spec.nodeName)).toBe(true);
    expect(pods(test.kube, 'trainer')[0]!.spec.nodeName).toBe(gpuNode.metadata.name);
    expect(pods(test.kube, 'lost')[0]!.spec.nodeName).toBeUndefined();
    expect(failedScheduling(test.kube)).toContain(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {nvidia.com/gpu: true}. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    );
  });

  it('runs Pending pods once the node group scales up, and reschedules the pods of a node that goes away', () => {
    const test = kubeTestCluster({
      nodegroups: [{ name: 'general', instanceTypes: ['m5.large'], scaling: [1, 1, 4] }],
    });
    test.create(
      'deployments',
      deployment(
        { namespace: 'web', name: 'api', image: 'api:1', replicas: 4, cpu: '800m' },
        test.world.now(),
      ),
    );
    test.step(1_000, 15);
    expect(phases(pods(test.kube, 'api'))).toEqual(['Pending', 'Pending', 'Running', 'Running']);
    const nodegroup = test.cluster.nodegroups.get('general')!;
    const added = addInstance(test.world, test.cluster, nodegroup, { launchedAgoMs: 0 });
    test.step(1_000, 30);
    expect(phases(pods(test.kube, 'api'))).toEqual(['Running', 'Running', 'Running', 'Running']);
    const onNewNode = pods(test.kube, 'api').filter(
      (pod) => pod.spec.nodeName === added.privateDnsName,
    );
    expect(onNewNode).toHaveLength(2);

    test.world.ec2.setState(added, 'terminated');
    test.step(1_000, 20);
    expect(test.kube.store.get('nodes', undefined, added.privateDnsName)).toBeUndefined();
    const after = pods(test.kube, 'api');
    expect(after).toHaveLength(4);
    expect(after.filter((pod) => pod.spec.nodeName === added.privateDnsName)).toEqual([]);
    expect(phases(after)).toEqual(['Pending', 'Pending', 'Running', 'Running']);
  });

  it('gives pods that match a Fargate profile a node of their own, picking one of several matching profiles at random', () => {
    const test = kubeTestCluster({
      nodegroups: [{ name: 'general', instanceTypes: ['m5.large'], scaling: [1, 1, 2] }],
    });
    for (const [name, selectors] of [
      ['fp-batch', [{ namespace: 'batch', labels: { tier: 'batch' } }]],
      ['fp-batch-any', [{ namespace: 'batch' }]],
    ] as const) {
      addFargateProfile(test, name, selectors);
    }
    const now = test.world.now();
    test.create(
      'deployments',
      deployment(
        {
          namespace: 'batch',
          name: 'worker',
          image: 'worker:1',
          replicas: 8,
          cpu: '250m',
          labels: { tier: 'batch' },
        },
        now,
      ),
    );
    test.create(
      'deployments',
      deployment({ namespace: 'web', name: 'api', image: 'api:1', cpu: '100m' }, now),
    );
    test.create(
      'daemonsets',
      daemonSet({ namespace: 'kube-system', name: 'agent', image: 'agent:1', cpu: '10m' }, now),
    );
    test.step(5_000, 20);

    const workers = pods(test.kube, 'worker');
    expect(phases(workers)).toEqual(Array(8).fill('Running'));
    const profiles = new Set(
      workers.map((pod) => pod.metadata.annotations?.[FARGATE_PROFILE_ANNOTATION]),
    );
    expect(profiles).toEqual(new Set(['fp-batch', 'fp-batch-any']));
    const fargateNodes = test.kube.store
      .all<Node>('nodes')
      .filter((node) => node.metadata.labels?.['eks.amazonaws.com/compute-type'] === 'fargate');
    expect(fargateNodes).toHaveLength(8);
    for (const pod of workers) {
      const node = fargateNodes.find((candidate) => candidate.metadata.name === pod.spec.nodeName)!;
      expect(node.metadata.name).toMatch(/^fargate-ip-10-\d+-\d+-\d+\.ec2\.internal$/);
      expect(node.metadata.labels?.[FARGATE_PROFILE_ANNOTATION]).toBe(
        pod.metadata.annotations?.[FARGATE_PROFILE_ANNOTATION],
      );
      expect(pod.spec.schedulerName).toBe('fargate-scheduler');
    }
    expect(pods(test.kube, 'api')[0]!.spec.nodeName).not.toMatch(/^fargate-/);
    // DaemonSets never run on Fargate nodes: one agent, on the EC2 node.
    expect(pods(test.kube, 'agent')).toHaveLength(1);

    test.kube.store.update(
      'deployments',
      test.kube.store.get<Deployment>('deployments', 'batch', 'worker')!,
      (draft) => {
        draft.spec.replicas = 2;
      },
    );

    test.step(2_000, 10);
    expect(
      test.kube.store
        .all<Node>('nodes')
        .filter((node) => node.metadata.labels?.['eks.amazonaws.com/compute-type'] === 'fargate'),
    ).toHaveLength(2);
  });
});
