import { describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../../../testing/kubeTestWorld.ts';
import type { Deployment, KubeObject, Pod } from '../../objects/types.ts';
import { deployment, service } from '../../seed/workloadBuilders.ts';

/** Endpoints, EndpointSlices and PDB status follow the pods, as their controllers make them. */

interface Endpoints extends KubeObject {
  subsets: Array<{ addresses?: Array<{ ip: string }>; notReadyAddresses?: Array<{ ip: string }> }>;
}
interface Slice extends KubeObject {
  endpoints: Array<{ addresses: string[]; conditions: { ready: boolean }; zone?: string }>;
}
interface Budget extends KubeObject {
  status: {
    currentHealthy: number;
    desiredHealthy: number;
    disruptionsAllowed: number;
    expectedPods: number;
  };
}

function setup() {
  const test = kubeTestCluster({
    nodegroups: [{ name: 'general', instanceTypes: ['m6i.xlarge'], scaling: [1, 3, 6] }],
  });
  const now = test.world.now();
  test.create(
    'deployments',
    deployment(
      { namespace: 'web', name: 'api', image: 'registry/api:1.0', replicas: 3, port: 8080 },
      now,
    ),
  );
  test.create(
    'services',
    service(
      {
        namespace: 'web',
        name: 'api',
        ports: [{ port: 80, targetPort: 8080 }],
        selector: { app: 'api' },
        clusterIP: '172.20.9.9',
      },
      now,
    ),
  );
  test.create('poddisruptionbudgets', {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name: 'api',
      namespace: 'web',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      generation: 1,
    },
    spec: { minAvailable: 2, selector: { matchLabels: { app: 'api' } } },
  });
  test.step(1_000, 20);
  const pods = () =>
    test.kube.store.all<Pod>('pods', 'web').filter((pod) => pod.metadata.labels?.app === 'api');
  return { test, pods };
}

describe('the serving controllers', () => {
  it('list the ready pods of a service in its Endpoints and EndpointSlice, at the target port', () => {
    const { test, pods } = setup();
    const ips = pods()
      .map((pod) => pod.status.podIP)
      .sort();
    expect(ips).toHaveLength(3);
    const endpoints = test.kube.store.get<
      Endpoints & { subsets: Array<{ ports: Array<{ port: number }> }> }
    >('endpoints', 'web', 'api')!;
    expect(endpoints.subsets[0]!.addresses!.map((a) => a.ip).sort()).toEqual(ips);
    expect(endpoints.subsets[0]!.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const [slice] = test.kube.store
      .all<Slice>('endpointslices', 'web')
      .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'api');
    expect(slice!.endpoints.map((e) => e.addresses[0]).sort()).toEqual(ips);
    expect(
      slice!.endpoints.every((e) => e.conditions.ready && e.zone?.startsWith('us-east-1')),
    ).toBe(true);
  });

  it('compute a budget from the healthy pods, and drop removed pods from the addresses', () => {
    const { test, pods } = setup();
    expect(test.kube.store.get<Budget>('poddisruptionbudgets', 'web', 'api')!.status).toMatchObject(
      {
        currentHealthy: 3,
        desiredHealthy: 2,
        disruptionsAllowed: 1,
        expectedPods: 3,
      },
    );
    // Scale down to two: no disruption is allowed any more.
    const api = test.kube.store.get<Deployment>('deployments', 'web', 'api')!;
    test.kube.store.update('deployments', api, (draft) => {
      draft.spec.replicas = 2;
    });
    test.step(1_000, 60);
    expect(test.kube.store.get<Budget>('poddisruptionbudgets', 'web', 'api')!.status).toMatchObject(
      {
        currentHealthy: 2,
        desiredHealthy: 2,
        disruptionsAllowed: 0,
        expectedPods: 2,
      },
    );
    const endpoints = test.kube.store.get<Endpoints>('endpoints', 'web', 'api')!;
    expect(endpoints.subsets[0]!.addresses!.map((a) => a.ip).sort()).toEqual(
      pods()
        .filter((pod) => !pod.metadata.deletionTimestamp)
        .map((pod) => pod.status.podIP)
        .sort(),
    );
  });
});
