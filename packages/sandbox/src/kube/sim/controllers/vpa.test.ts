import { describe, expect, it } from 'vitest';
import { kubeTestCluster } from '../../../testing/kubeTestWorld.ts';
import { cpuMillis, memoryBytes } from '../../objects/quantities.ts';
import type { Deployment, VerticalPodAutoscaler } from '../../objects/types.ts';
import { verticalPodAutoscaler } from '../../seed/vpaBuilders.ts';
import { deployment } from '../../seed/workloadBuilders.ts';

function cluster() {
  return kubeTestCluster({
    nodegroups: [{ name: 'general', instanceTypes: ['m6i.xlarge'], scaling: [1, 3, 6] }],
  });
}

describe('the VPA recommender', () => {
  it('recommends per container from the simulated load, capped by the policy, and says it did', () => {
    const test = cluster();
    const now = test.world.now();
    test.create(
      'deployments',
      deployment(
        { namespace: 'web', name: 'resizer', image: 'resizer:1', replicas: 2, cpu: '200m' },
        now,
      ),
    );
    test.step(1_000, 20);
    const resizer = test.kube.store.get<Deployment>('deployments', 'web', 'resizer')!;
    // Each ready pod uses 300m: half again its request.
    test.kube.controllers.hpa.setLoad(resizer, 150);
    test.create(
      'verticalpodautoscalers',
      verticalPodAutoscaler(
        { namespace: 'web', name: 'resizer' },
        { updateMode: 'Auto', maxAllowed: { cpu: '250m' } },
        now,
      ),
    );
    test.kube.controllers.vpa.syncSoon();
    test.step(1_000);
    const vpa = () =>
      test.kube.store.get<VerticalPodAutoscaler>('verticalpodautoscalers', 'web', 'resizer')!;
    const [first] = vpa().status.recommendation!.containerRecommendations;
    expect(first!.containerName).toBe('resizer');
    // 300m × 1.15; the load drifts a little between samples.
    expect(cpuMillis(first!.uncappedTarget.cpu)).toBeGreaterThan(300);
    expect(cpuMillis(first!.uncappedTarget.cpu)).toBeLessThan(420);
    expect(first!.target.cpu).toBe('250m');
    expect(first!.upperBound.cpu).toBe('250m');
    // Minutes of history: the lower bound is well below the target.
    expect(cpuMillis(first!.lowerBound.cpu)).toBeLessThan(250);
    expect(memoryBytes(first!.target.memory)).toBeGreaterThanOrEqual(250 * 2 ** 20);
    expect(vpa().status.conditions).toContainEqual(
      expect.objectContaining({ type: 'RecommendationProvided', status: 'True' }),
    );

    // An idle workload: the recommendation falls to the minimums over the next minutes.
    test.kube.controllers.hpa.setLoad(resizer, 1);
    test.step(60_000, 300);
    const idle = vpa().status.recommendation!.containerRecommendations[0]!;
    expect(idle.target).toEqual({ cpu: '25m', memory: '262144k' });
  });

  it('says when its target does not exist', () => {
    const test = cluster();
    test.create(
      'verticalpodautoscalers',
      verticalPodAutoscaler(
        { namespace: 'web', name: 'ghost' },
        { updateMode: 'Off' },
        test.world.now(),
      ),
    );
    test.kube.controllers.vpa.syncSoon();
    test.step(1_000);
    const status = test.kube.store.get<VerticalPodAutoscaler>(
      'verticalpodautoscalers',
      'web',
      'ghost',
    )!.status;
    expect(status.recommendation).toBeUndefined();
    expect(status.conditions).toEqual([
      expect.objectContaining({
        type: 'ConfigUnsupported',
        status: 'True',
        message: 'Cannot read targetRef: deployments.apps "ghost" not found',
      }),
      expect.objectContaining({ type: 'RecommendationProvided', status: 'False' }),
    ]);
  });
});
