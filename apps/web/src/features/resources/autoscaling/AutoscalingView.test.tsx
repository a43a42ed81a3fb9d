import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AutoscalingView } from '@wheelhouse/contract';
import { stubEventSource } from '../../../test/eventSourceStub.ts';
import { json, stubFetch } from '../../../test/fetchStub.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  K8S_API,
  emptyAutoscaling,
  hpa,
  resourcesHandlers,
  resourcesPage,
  vpa,
} from '../../../test/workloadFixtures.ts';

const MIB = 2 ** 20;

async function showAutoscaling(view: AutoscalingView, extra = '') {
  stubEventSource();
  stubFetch({ ...resourcesHandlers(), [`GET ${K8S_API}/autoscaling`]: () => json(view) });
  renderApp(resourcesPage('autoscaling', extra));
  await screen.findByRole('heading', { name: 'Node autoscaling' });
}

describe('Autoscaling view', () => {
  it('shows each HPA with current and target metric and replicas within its range', async () => {
    await showAutoscaling(
      {
        ...emptyAutoscaling,
        hpas: [hpa(), hpa({ namespace: 'other', name: 'api', target: 'Deployment/api' })],
      },
      '&ns=shop',
    );
    const table = screen.getByRole('table', { name: 'Horizontal Pod Autoscalers' });
    const row = within(table).getByText('Deployment/web').closest('tr')!;
    expect(within(row).getByRole('list', { name: 'Metrics' })).toHaveTextContent('cpu 73% / 60%');
    expect(
      within(row).getByRole('img', { name: '3 replicas now, 4 wanted (min 2, max 10)' }),
    ).toBeInTheDocument();
    // The namespace picker narrows the list.
    expect(within(table).queryByText('Deployment/api')).not.toBeInTheDocument();
  });

  it('says whether Cluster Autoscaler or Karpenter runs, and what each does', async () => {
    await showAutoscaling({
      ...emptyAutoscaling,
      nodeAutoscalers: [
        {
          kind: 'cluster-autoscaler',
          running: true,
          namespace: 'kube-system',
          workload: 'cluster-autoscaler',
          version: 'v1.31.0',
        },
      ],
    });
    const ca = screen.getByRole('region', { name: 'Cluster Autoscaler' });
    expect(ca).toHaveTextContent('Running');
    expect(ca).toHaveTextContent('kube-system');
    expect(ca).toHaveTextContent('v1.31.0');
    expect(ca).toHaveTextContent('Auto Scaling groups');
    const karpenter = screen.getByRole('region', { name: 'Karpenter' });
    expect(karpenter).toHaveTextContent('Not installed');
    expect(karpenter).toHaveTextContent('launches EC2 capacity directly');
  });

  it('says when no node autoscaler runs', async () => {
    await showAutoscaling(emptyAutoscaling);
    expect(screen.getByText(/Neither Cluster Autoscaler nor Karpenter runs/)).toBeInTheDocument();
    expect(screen.getByText('No Horizontal Pod Autoscalers in this cluster.')).toBeInTheDocument();
  });

  it('shows each VPA beside the HPAs: its workload, update mode and per-container recommendation', async () => {
    await showAutoscaling({
      ...emptyAutoscaling,
      hpas: [hpa()],
      verticalAutoscalers: [
        vpa(),
        vpa({
          name: 'resizer',
          target: { kind: 'Deployment', name: 'resizer' },
          updateMode: 'Off',
          containers: [
            {
              container: 'resizer',
              target: { cpuMillis: 250, memoryBytes: 1.5 * 1024 * MIB },
              lowerBound: { cpuMillis: 180, memoryBytes: 1024 * MIB },
              upperBound: { cpuMillis: 250, memoryBytes: 2048 * MIB },
              uncappedTarget: { cpuMillis: 1200, memoryBytes: 1.5 * 1024 * MIB },
            },
          ],
        }),
      ],
    });
    expect(screen.getByRole('table', { name: 'Horizontal Pod Autoscalers' })).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Vertical Pod Autoscalers' });
    expect(within(section).getByRole('heading')).toHaveTextContent('Vertical Pod Autoscalers (2)');
    const table = within(section).getByRole('table', { name: 'Vertical Pod Autoscalers' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual([
      'Namespace',
      'Name',
      'Workload',
      'Update mode',
      'Container',
      'Target',
      'Lower bound',
      'Upper bound',
      'Uncapped',
    ]);
    const web = within(table).getByRole('link', { name: 'Deployment web' }).closest('tr')!;
    expect(web).toHaveTextContent('Auto');
    const cells = within(web)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(4)).toEqual([
      'web',
      '250m · 300 MiB',
      '150m · 200 MiB',
      '400m · 512 MiB',
      '250m · 300 MiB',
    ]);
    // Each VPA opens its own detail view (YAML, events), as every object the console lists does.
    expect(
      within(table).getByRole('link', { name: 'VerticalPodAutoscaler resizer' }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(/\/objects\/verticalpodautoscalers\/[^/]+\/resizer$/),
    );
    const resizer = within(table).getByRole('link', { name: 'Deployment resizer' }).closest('tr')!;
    expect(resizer).toHaveTextContent('Off');
    expect(resizer).toHaveTextContent('1.5 GiB');
    expect(resizer).toHaveTextContent('1.2 cores');
    expect(resizer).toHaveTextContent('capped by its resource policy');
  });

  it('says when the VPA is not installed, when there are none, and when they are hidden', async () => {
    await showAutoscaling({ ...emptyAutoscaling, hpas: [hpa()], vpaInstalled: false });
    expect(screen.getByText(/VPA is not installed on this cluster/)).toBeInTheDocument();
    // The HPAs are still there.
    expect(screen.getByRole('table', { name: 'Horizontal Pod Autoscalers' })).toBeInTheDocument();
  });

  it('says there are no VPAs in a cluster that has the CRD but none', async () => {
    await showAutoscaling(emptyAutoscaling);
    expect(screen.getByText('No Vertical Pod Autoscalers in this cluster.')).toBeInTheDocument();
  });

  it("shows the HPAs and the cluster's reason when the person may not list VPAs", async () => {
    await showAutoscaling({
      ...emptyAutoscaling,
      hpas: [hpa()],
      verticalAutoscalersHidden:
        'Your groups (wheelhouse:operator) may not list verticalpodautoscalers across all namespaces.',
    });
    expect(screen.getByText('Vertical Pod Autoscalers are hidden from you')).toBeInTheDocument();
    expect(screen.getByText(/may not list verticalpodautoscalers/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Horizontal Pod Autoscalers' })).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Vertical Pod Autoscalers' }),
    ).not.toBeInTheDocument();
  });
});
