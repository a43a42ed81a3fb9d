import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubEventSource } from '../../../test/eventSourceStub.ts';
import { json, stubFetch } from '../../../test/fetchStub.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  CLUSTER_PAGE,
  K8S_API,
  node,
  resourcesHandlers,
  resourcesPage,
} from '../../../test/workloadFixtures.ts';

const GIB = 1024 ** 3;

describe('Nodes view', () => {
  it('shows requested against allocatable CPU and memory as bars with percentages', async () => {
    stubEventSource();
    stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/nodes`]: () =>
        json({
          items: [
            node(),
            node({
              name: 'fargate-ip-10-0-2-9',
              runsOn: { kind: 'fargate', name: 'fp-default' },
              capacityType: 'FARGATE',
              requested: { cpuMillis: 1900, memoryBytes: 3.6 * GIB },
              allocatable: { cpuMillis: 2000, memoryBytes: 4 * GIB, pods: 1 },
              pods: 1,
            }),
          ],
        }),
    });
    renderApp(resourcesPage('nodes'));
    const table = await screen.findByRole('table', { name: 'Nodes' });
    const row = within(table).getByText(node().name).closest('tr')!;
    expect(
      within(row).getByRole('img', { name: 'CPU requested: 965m of 1.93 cores (50%)' }),
    ).toHaveTextContent('50%');
    expect(
      within(row).getByRole('img', { name: 'Memory requested: 1.8 GiB of 7 GiB (25%)' }),
    ).toHaveTextContent('25%');
    expect(row).toHaveTextContent('general');
    expect(row).toHaveTextContent('On-Demand');
    expect(row).toHaveTextContent('m5.large');
    expect(row).toHaveTextContent('eu-west-1a');
    expect(within(row).getByRole('list', { name: 'Node status' })).toHaveTextContent('Ready');
    expect(within(row).getByRole('link', { name: `12 pods on ${node().name}` })).toHaveAttribute(
      'href',
      `${CLUSTER_PAGE}?tab=resources&view=pods&node=${node().name}`,
    );

    const fargate = within(table).getByText('fargate-ip-10-0-2-9').closest('tr')!;
    expect(fargate).toHaveTextContent('Fargate: fp-default');
    expect(within(fargate).getByText('Fargate')).toBeInTheDocument();
    expect(
      within(fargate).getByRole('img', { name: /^CPU requested: .* \(95%\)$/ }),
    ).toBeInTheDocument();
  });

  it('flags NotReady, pressure conditions, cordons, taints and Spot capacity', async () => {
    stubEventSource();
    stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/nodes`]: () =>
        json({
          items: [
            node({
              ready: false,
              unschedulable: true,
              capacityType: 'SPOT',
              runsOn: { kind: 'self-managed', name: 'legacy' },
              conditions: [
                { type: 'MemoryPressure', status: 'True', message: 'low memory' },
                { type: 'Ready', status: 'False' },
              ],
              taints: ['dedicated=gpu:NoSchedule'],
            }),
          ],
        }),
    });
    renderApp(resourcesPage('nodes'));
    const table = await screen.findByRole('table', { name: 'Nodes' });
    const status = within(table).getByRole('list', { name: 'Node status' });
    expect(status).toHaveTextContent('NotReady');
    expect(status).toHaveTextContent('SchedulingDisabled');
    expect(status).toHaveTextContent('MemoryPressure');
    expect(within(table).getByRole('list', { name: 'Taints' })).toHaveTextContent(
      'dedicated=gpu:NoSchedule',
    );
    expect(table).toHaveTextContent('Spot');
    expect(table).toHaveTextContent('self-managed: legacy');
  });

  it('refetches when the node watch reports a change', async () => {
    const streams = stubEventSource();
    let nodes = [node({ name: 'n1' })];
    const seen = stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/nodes`]: () => json({ items: nodes }),
    });
    renderApp(resourcesPage('nodes'));
    await screen.findByRole('table', { name: 'Nodes' });
    await waitFor(() => expect(streams).toHaveLength(1));
    expect(streams[0]!.params.get('kind')).toBe('nodes');
    streams[0]!.open();
    expect(screen.getByRole('status', { name: 'Live updates' })).toHaveTextContent('Live');

    nodes = [node({ name: 'n1' }), node({ name: 'n2' })];
    streams[0]!.send({ kind: 'node', type: 'ADDED', name: 'n2' });
    streams[0]!.send({ kind: 'node', type: 'MODIFIED', name: 'n2' });
    await screen.findByText('n2');
    // One refetch for the burst.
    expect(seen.filter((r) => r.path === `${K8S_API}/nodes`)).toHaveLength(2);
  });

  it('still lists the nodes when the person may not list pods, and says why requests are missing', async () => {
    stubEventSource();
    const refusal =
      'pods is forbidden: User "alice" cannot list resource "pods" in API group "" at the cluster scope';
    stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/nodes`]: () => json({ items: [node()], requestsHidden: refusal }),
    });
    renderApp(resourcesPage('nodes'));
    const table = await screen.findByRole('table', { name: 'Nodes' });
    expect(within(table).getByText(node().name)).toBeInTheDocument();
    // Zero requests would read as an idle node: the columns are left out instead.
    expect(within(table).queryByRole('columnheader', { name: /CPU requested/ })).toBeNull();
    expect(within(table).queryByRole('link', { name: /pods on/ })).toBeNull();
    expect(screen.getByText('Requests and pod counts are not shown')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(refusal.replace(/[".]/g, '.')))).toBeInTheDocument();
  });
});
