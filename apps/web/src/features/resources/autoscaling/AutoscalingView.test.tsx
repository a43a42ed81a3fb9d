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
} from '../../../test/workloadFixtures.ts';

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
        hpas: [hpa(), hpa({ namespace: 'other', name: 'api', target: 'Deployment/api' })],
        nodeAutoscalers: [],
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
      hpas: [],
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
});
