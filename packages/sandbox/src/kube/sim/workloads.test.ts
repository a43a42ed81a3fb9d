import { describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../../testing/kubeTestWorld.ts';
import { podStatusReason } from '../api/tableColumns.ts';
import type {
  CronJob,
  Deployment,
  HorizontalPodAutoscaler,
  Job,
  KubeEvent,
  Pod,
  StatefulSet,
} from '../objects/types.ts';
import { cronJob, deployment, hpa, job, statefulSet } from '../seed/workloadBuilders.ts';
import { BEHAVIOUR_ANNOTATION } from './imageCatalog.ts';

type Test = ReturnType<typeof kubeTestCluster>;
const podsOf = (test: Test, app: string) =>
  test.kube.store.all<Pod>('pods').filter((pod) => pod.metadata.labels?.app === app);
const reasons = (test: Test, name: string) =>
  test.kube.store
    .all<KubeEvent>('events')
    .filter((event) => event.involvedObject.name === name)
    .map((event) => event.reason);

function cluster(): Test {
  return kubeTestCluster({
    nodegroups: [{ name: 'general', instanceTypes: ['m6i.xlarge'], scaling: [1, 3, 6] }],
  });
}

describe('workloads', () => {
  it('runs a Deployment through a ReplicaSet, with the kubelet events of each pod, and scales it', () => {
    const test = cluster();
    test.create(
      'deployments',
      deployment(
        { namespace: 'web', name: 'api', image: 'registry/api:1.0', replicas: 2 },
        test.world.now(),
      ),
    );
    test.step(1_000, 15);
    const [pod] = podsOf(test, 'api');
    expect(pod!.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'ReplicaSet',
      controller: true,
    });
    expect(pod!.status.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(
      expect.arrayContaining([
        'PodScheduled=True',
        'Initialized=True',
        'ContainersReady=True',
        'Ready=True',
      ]),
    );
    expect(reasons(test, pod!.metadata.name)).toEqual(
      expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']),
    );
    const api = test.kube.store.get<Deployment>('deployments', 'web', 'api')!;
    expect(api.status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      updatedReplicas: 2,
    });
    test.kube.store.update('deployments', api, (draft) => {
      draft.spec.replicas = 5;
    });
    test.step(1_000, 15);
    expect(podsOf(test, 'api').map(podStatusReason)).toEqual(Array(5).fill('Running'));
    expect(reasons(test, 'api')).toContain('ScalingReplicaSet');
  });

  it('moves replicas with the HPA when the simulated CPU load rises and falls', () => {
    const test = cluster();
    const now = test.world.now();
    test.create(
      'deployments',
      deployment(
        { namespace: 'web', name: 'shop', image: 'shop:1', replicas: 2, cpu: '200m' },
        now,
      ),
    );
    test.create(
      'horizontalpodautoscalers',
      hpa({ namespace: 'web', name: 'shop', min: 2, max: 8, cpu: 50 }, now),
    );
    test.step(1_000, 20);
    const shop = () => test.kube.store.get<Deployment>('deployments', 'web', 'shop')!;
    // Twice the work the current pods can take at the 50% target: the HPA wants more than its maximum.
    test.kube.controllers.hpa.setLoad(shop(), 400);
    test.step(5_000, 30);
    expect(shop().spec.replicas).toBe(8);
    const status = test.kube.store.get<HorizontalPodAutoscaler>(
      'horizontalpodautoscalers',
      'web',
      'shop',
    )!.status;
    expect(status.desiredReplicas).toBe(8);
    expect(status.conditions).toContainEqual(
      expect.objectContaining({ type: 'ScalingLimited', reason: 'TooManyReplicas' }),
    );
    expect(reasons(test, 'shop')).toContain('SuccessfulRescale');

    test.kube.controllers.hpa.setLoad(shop(), 5);
    test.step(15_000, 30);
    expect(shop().spec.replicas).toBe(2);
  });

  it("crash-loops with growing restarts and back-off, keeping the previous run's log", () => {
    const test = cluster();
    test.create(
      'deployments',
      deployment(
        {
          namespace: 'web',
          name: 'flaky',
          image: 'flaky:1',
          annotations: { [BEHAVIOUR_ANNOTATION]: 'crash-loop' },
        },
        test.world.now(),
      ),
    );
    test.step(1_000, 60);
    const pod = podsOf(test, 'flaky')[0]!;
    const status = pod.status.containerStatuses![0]!;
    expect(status.restartCount).toBeGreaterThanOrEqual(2);
    expect(status.state.waiting?.reason ?? (status.state.running ? 'Running' : 'other')).toMatch(
      /^(CrashLoopBackOff|Running)$/,
    );
    expect(status.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(reasons(test, pod.metadata.name)).toContain('BackOff');
    const previous = test.kube.context.logs.read(pod.metadata.uid, 'flaky', true)!;
    expect(previous.map((line) => line.text)).toContainEqual(expect.stringMatching(/^panic: /));
    const restarts = status.restartCount;
    test.step(10_000, 30);
    expect(podsOf(test, 'flaky')[0]!.status.containerStatuses![0]!.restartCount).toBeGreaterThan(
      restarts,
    );
  });

  it('reports an image that does not exist as ErrImagePull, then ImagePullBackOff', () => {
    const test = cluster();
    test.create(
      'deployments',
      deployment(
        { namespace: 'web', name: 'typo', image: 'registry/typo:2.0.0-rc1' },
        test.world.now(),
      ),
    );
    test.step(1_000, 20);
    const pod = podsOf(test, 'typo')[0]!;
    expect(pod.status.containerStatuses![0]!.state.waiting?.reason).toBe('ImagePullBackOff');
    expect(pod.status.phase).toBe('Pending');
    const failed = test.kube.store
      .all<KubeEvent>('events')
      .filter(
        (event) => event.involvedObject.name === pod.metadata.name && event.reason === 'Failed',
      )
      .map((event) => event.message);
    expect(failed).toEqual(
      expect.arrayContaining(['Error: ErrImagePull', 'Error: ImagePullBackOff']),
    );
  });

  it("completes Jobs, creates a CronJob's Jobs on schedule and rolls a StatefulSet out in order", () => {
    const test = cluster();
    const now = test.world.now();
    test.create(
      'jobs',
      job(
        {
          namespace: 'batch',
          name: 'migrate',
          image: 'migrate:1',
          annotations: { [BEHAVIOUR_ANNOTATION]: 'complete:20' },
        },
        now,
      ),
    );
    test.create(
      'cronjobs',
      cronJob(
        { namespace: 'batch', name: 'report', image: 'report:1', schedule: '*/5 * * * *' },
        now,
      ),
    );
    test.create(
      'statefulsets',
      statefulSet({ namespace: 'data', name: 'cache', image: 'redis:7', replicas: 3 }, now),
    );
    test.step(1_000, 4);
    expect(podsOf(test, 'cache').map((pod) => pod.metadata.name)).toEqual(['cache-0']);
    test.step(5_000, 80);
    expect(test.kube.store.get<Job>('jobs', 'batch', 'migrate')!.status).toMatchObject({
      succeeded: 1,
    });
    expect(test.kube.store.get<Job>('jobs', 'batch', 'migrate')!.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'Complete', status: 'True' }),
    );
    const reportJobs = test.kube.store
      .all<Job>('jobs', 'batch')
      .filter((j) => j.metadata.name.startsWith('report-'));
    expect(reportJobs.length).toBeGreaterThanOrEqual(1);
    expect(
      test.kube.store.get<CronJob>('cronjobs', 'batch', 'report')!.status.lastScheduleTime,
    ).toBeDefined();
    expect(
      test.kube.store.get<StatefulSet>('statefulsets', 'data', 'cache')!.status.readyReplicas,
    ).toBe(3);
    expect(
      podsOf(test, 'cache')
        .map((pod) => pod.metadata.name)
        .sort(),
    ).toEqual(['cache-0', 'cache-1', 'cache-2']);
  });
});
