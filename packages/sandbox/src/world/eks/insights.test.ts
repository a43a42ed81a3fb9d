import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { DEMO_REGIONS, demoAccounts, seedDemoWorld } from '../seed/demoWorld.ts';
import { World } from '../world.ts';
import { clusterInsights } from './insights.ts';
import type { EksClusterRecord } from './types.ts';

const TODAY = new Date('2026-11-26T12:00:00Z');

function demoCluster(name: string, region = 'us-east-1'): EksClusterRecord {
  const world = new World(demoAccounts(), DEMO_REGIONS, manualClock(TODAY));
  seedDemoWorld(world);
  const cluster = world.region(world.accounts[0]!.id, region).clusters.get(name);
  if (cluster?.kind !== 'eks') throw new Error(`${name} is not an EKS cluster of the demo`);
  return cluster;
}

const named = (cluster: EksClusterRecord, name: string) =>
  clusterInsights(cluster, TODAY).find((insight) => insight.name === name)!;

describe('EKS insights of the simulated world', () => {
  it('marks an API the next minor removes ERROR when a client still calls it, with its stats and objects', () => {
    const cluster = demoCluster('legacy-billing');
    // As if the cluster were on 1.31: FlowSchema v1beta3 goes away in the very next minor.
    cluster.version = '1.31';
    const insight = named(cluster, 'Deprecated APIs removed in Kubernetes v1.32');
    expect(insight.insightStatus.status).toBe('ERROR');
    expect(insight.kubernetesVersion).toBe('1.32');
    const [detail] = insight.categorySpecificSummary.deprecationDetails;
    expect(detail!.clientStats.map((stat) => stat.userAgent)).toEqual([
      'datadog-cluster-agent/v1.20.0 (linux/amd64) kubernetes/$Format',
      'kubectl/v1.27.4 (linux/amd64) kubernetes/fa3d799',
    ]);
    expect(insight.resources.map((resource) => resource.kubernetesResourceUri)).toEqual([
      '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas/datadog-cluster-agent',
      '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas/billing-batch',
    ]);
  });

  it('warns one minor ahead, and passes where no client calls a removed API', () => {
    const legacy = demoCluster('legacy-billing');
    expect(named(legacy, 'Deprecated APIs removed in Kubernetes v1.32').insightStatus.status).toBe(
      'WARNING',
    );
    expect(named(legacy, 'Deprecated APIs removed in Kubernetes v1.31').insightStatus.status).toBe(
      'PASSING',
    );
    const checkout = demoCluster('checkout-prod');
    expect(
      clusterInsights(checkout, TODAY).filter(
        (insight) => insight.insightStatus.status !== 'PASSING',
      ),
    ).toEqual([]);
  });

  it('reports health issues of node groups and add-ons as a configuration insight', () => {
    const ml = demoCluster('ml-training', 'eu-west-1');
    const health = named(ml, 'Cluster health issues');
    expect(health.category).toBe('MISCONFIGURATION');
    expect(health.insightStatus.status).toBe('ERROR');
    expect(health.resources).toEqual([
      expect.objectContaining({
        arn: ml.addons.get('coredns')!.arn,
        insightStatus: expect.objectContaining({
          reason: expect.stringContaining('InsufficientNumberOfReplicas') as unknown,
        }) as unknown,
      }),
    ]);
  });

  it('lets kube-proxy trail the control plane instead of calling it incompatible', () => {
    const checkout = demoCluster('checkout-prod');
    const addons = named(checkout, 'Amazon EKS add-on version compatibility');
    expect(addons.insightStatus.status).toBe('PASSING');
    expect(addons.resources).toEqual([]);
  });
});
