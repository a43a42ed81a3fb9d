import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostReport } from '@wheelhouse/contract';
import type { ConsoleClient } from '../../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
const HOME = '123456789012';

beforeAll(async () => {
  c = await startConsoleOnSandbox();
  auditor = await c.signIn('auditor');
});
afterAll(() => c.close());

describe('cost exposure against the sandbox', () => {
  it('prices every cluster by its support and counts Spot vCPUs from the instances EC2 runs', async () => {
    const report = await auditor.json<CostReport>('/api/cost');
    expect(report.errors).toEqual([]);
    const of = (name: string) => report.items.find((item) => item.cluster === name)!;
    expect(of('legacy-billing')).toMatchObject({ hourlyUsd: 0.6, monthlyUsd: 438 });
    expect(of('edge-apac')).toMatchObject({ hourlyUsd: 0.1, monthlyUsd: 73 });
    expect(of('gke-analytics')).toMatchObject({ connected: true, hourlyUsd: 0, vcpus: 0 });

    // The world's own instances, counted independently: InService members of the cluster's groups.
    const world = c.sandbox!.world;
    const spotGroup = of('checkout-prod').groups.find(
      (g) => g.resource === 'nodegroup/spot-burst',
    )!;
    const instances = world.ec2
      .instances(HOME, 'us-east-1')
      .filter((i) => i.state === 'running' && i.tags?.['eks:nodegroup-name'] === 'spot-burst');
    expect(spotGroup.instances).toBe(instances.length);
    expect(spotGroup.spotVcpus).toBe(spotGroup.vcpus);
    expect(spotGroup.vcpus).toBeGreaterThan(0);
    const onDemand = of('checkout-prod').groups.find((g) => g.resource === 'nodegroup/general-od')!;
    expect(onDemand.spotVcpus).toBe(0);
    const cluster = of('checkout-prod');
    expect(cluster.spotShare).toBeCloseTo(cluster.spotVcpus / cluster.vcpus);
    expect(cluster.spotShare).toBeGreaterThan(0);
    expect(cluster.spotShare).toBeLessThan(1);

    const hourly = report.items.reduce((sum, item) => sum + item.hourlyUsd, 0);
    expect(report.totals.hourlyUsd).toBeCloseTo(hourly);
    expect(report.totals.monthlyUsd).toBeCloseTo(hourly * 730);
    expect(report.prices).toMatchObject({ standardHourlyUsd: 0.1, extendedHourlyUsd: 0.6 });
  });

  it('answers one cluster, and names an EC2 failure instead of counting zero silently', async () => {
    c.sandbox!.faults.add({
      service: 'ec2',
      operation: 'DescribeInstances',
      region: 'us-east-1',
      errorCode: 'UnauthorizedOperation',
      errorStatus: 403,
      errorMessage: 'You are not authorized to perform this operation.',
    });
    try {
      const report = await auditor.json<CostReport>(
        `/api/clusters/${HOME}/us-east-1/checkout-prod/cost`,
      );
      expect(report.items.map((item) => item.cluster)).toEqual(['checkout-prod']);
      expect(report.errors).toEqual([
        expect.objectContaining({
          cluster: 'checkout-prod',
          code: 'UnauthorizedOperation',
          message: 'EC2 capacity: You are not authorized to perform this operation.',
        }),
      ]);
    } finally {
      c.sandbox!.faults.clear();
    }
    const missing = await auditor.request('GET', `/api/clusters/${HOME}/us-east-1/nope/cost`);
    expect(missing.status).toBe(404);
  });
});
