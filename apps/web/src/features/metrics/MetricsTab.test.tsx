import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ClusterNodeMetrics, ClusterPodMetrics, MetricsPoint } from '@wheelhouse/contract';
import { CLUSTER_API, CLUSTER_PAGE } from '../../test/computeFixtures.ts';
import { json, stubFetch } from '../../test/fetchStub.ts';
import { clusterDetail, operatorSession } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const GIB = 1024 ** 3;
const T0 = Date.UTC(2026, 11, 7, 2, 0, 0);
const series = (...points: [number, number][]): MetricsPoint[] =>
  points.map(([cpuMillicores, memoryBytes], i) => ({
    t: T0 + i * 15_000,
    cpuMillicores,
    memoryBytes,
  }));

const base = { available: true, windowMs: 900_000, intervalMs: 15_000, sampledAt: T0 + 30_000 };

const nodes = (): ClusterNodeMetrics => ({
  ...base,
  nodes: [
    {
      name: 'ip-10-0-1-10',
      nodegroup: 'general',
      allocatable: { cpuMillicores: 2000, memoryBytes: 8 * GIB },
      series: series([500, 2 * GIB], [900, 3 * GIB], [700, 2.5 * GIB]),
    },
    {
      name: 'ip-10-0-1-11',
      nodegroup: 'general',
      allocatable: { cpuMillicores: 2000, memoryBytes: 8 * GIB },
      series: series([300, 1 * GIB], [300, 1 * GIB], [800, 1.5 * GIB]),
    },
    {
      name: 'ip-10-0-9-99',
      nodegroup: 'spot-pool',
      allocatable: { cpuMillicores: 4000, memoryBytes: 16 * GIB },
      series: series([1000, 4 * GIB]),
    },
  ],
});

const pods = (): ClusterPodMetrics => ({
  ...base,
  pods: [
    {
      namespace: 'shop',
      name: 'web-1',
      node: 'ip-10-0-1-10',
      requests: { cpuMillicores: 250, memoryBytes: 512 * 1024 ** 2 },
      limits: { memoryBytes: GIB },
      series: series([100, 200 * 1024 ** 2], [180, 300 * 1024 ** 2], [120, 256 * 1024 ** 2]),
    },
    {
      namespace: 'kube-system',
      name: 'coredns-1',
      node: 'ip-10-0-1-11',
      requests: { cpuMillicores: 0, memoryBytes: 0 },
      limits: {},
      series: series([5, 20 * 1024 ** 2]),
    },
  ],
});

function open(answers: { nodes?: () => ClusterNodeMetrics; pods?: () => ClusterPodMetrics } = {}) {
  const seen = stubFetch({
    'GET /api/session': () => json(operatorSession),
    [`GET ${CLUSTER_API}`]: () => json(clusterDetail()),
    [`GET ${CLUSTER_API}/k8s/namespaces`]: () =>
      json({
        items: [
          { name: 'kube-system', phase: 'Active' },
          { name: 'shop', phase: 'Active' },
        ],
      }),
    [`GET ${CLUSTER_API}/k8s/metrics/nodes`]: () => json((answers.nodes ?? nodes)()),
    [`GET ${CLUSTER_API}/k8s/metrics/pods`]: () => json((answers.pods ?? pods)()),
  });
  renderApp(`${CLUSTER_PAGE}?tab=metrics`);
  return seen;
}

describe('the Metrics tab', () => {
  it('sums each node group against its allocatable, in words as well as a chart', async () => {
    open();
    const general = await screen.findByRole('article', { name: 'Node group general' });
    expect(within(general).getByText('(2 nodes)')).toBeVisible();
    // The two nodes sum to 0.8, 1.2 and 1.5 cores over the window, of 4 cores allocatable.
    expect(
      within(general).getByRole('img', {
        name: 'CPU 1.5 cores of 4 cores allocatable (38%), max 1.5 cores — node group general, last 15 minutes',
      }),
    ).toBeInTheDocument();
    expect(
      within(general).getByText('Memory 4 GiB of 16 GiB allocatable (25%), max 4 GiB'),
    ).toBeInTheDocument();
    const node = screen.getByRole('article', { name: 'Node ip-10-0-1-10' });
    expect(within(node).getByText('CPU 700m of 2 cores allocatable (35%), max 900m')).toBeVisible();
    expect(screen.getByRole('article', { name: 'Node group spot-pool' })).toBeVisible();
  });

  it('lists pods with their use against requests and charts the one selected', async () => {
    const user = userEvent.setup();
    const seen = open();
    const table = await screen.findByRole('table', { name: 'Pod metrics' });
    const web = within(table).getByRole('row', { name: /web-1/ });
    expect(within(web).getByText('120m / 250m (48%)')).toBeVisible();
    expect(within(web).getByText('256 MiB / 512 MiB (50%)')).toBeVisible();
    const coredns = within(table).getByRole('row', { name: /coredns-1/ });
    expect(within(coredns).getByText('5m (no request)')).toBeVisible();

    await user.click(within(web).getByRole('button', { name: 'web-1' }));
    const chart = await screen.findByRole('article', { name: 'Pod shop/web-1' });
    expect(within(chart).getByText(/memory limit 1 GiB/)).toBeVisible();
    expect(
      within(chart).getByRole('img', {
        name: 'CPU 120m of 250m requested (48%), max 180m — pod shop/web-1, last 15 minutes',
      }),
    ).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Namespace'), 'shop');
    await waitFor(() =>
      expect(
        seen.some(
          (r) => r.path.endsWith('/metrics/pods') && r.url.searchParams.get('namespace') === 'shop',
        ),
      ).toBe(true),
    );
    await user.selectOptions(screen.getByLabelText('Window'), '1h');
    await waitFor(() =>
      expect(
        seen.some(
          (r) => r.path.endsWith('/metrics/nodes') && r.url.searchParams.get('window') === '1h',
        ),
      ).toBe(true),
    );
  });

  it('says why when the cluster serves no metrics', async () => {
    const reason =
      'This cluster serves no metrics.k8s.io API: install metrics-server (the EKS add-on metrics-server) to see CPU and memory use.';
    open({
      nodes: () => ({ ...base, available: false, reason, nodes: [] }),
      pods: () => ({ ...base, available: false, reason, pods: [] }),
    });
    expect(
      await screen.findByRole('heading', { name: 'No metrics from this cluster' }),
    ).toBeVisible();
    expect(screen.getAllByText(reason)).toHaveLength(2);
    expect(screen.queryByRole('table', { name: 'Pod metrics' })).toBeNull();
  });
});
