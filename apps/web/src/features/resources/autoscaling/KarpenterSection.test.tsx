import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AutoscalingView, KarpenterView } from '@wheelhouse/contract';
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

const GIB = 2 ** 30;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** What the BFF answers for search-prod in the sandbox: two pools, four claims, one class. */
const karpenter: KarpenterView = {
  installed: true,
  nodePools: [
    {
      name: 'default',
      nodeClass: 'default',
      limits: { cpuMillis: 1_000_000, memoryBytes: 1000 * GIB },
      usage: { cpuMillis: 20_000, memoryBytes: 61 * GIB, nodes: 3 },
      disruption: {
        consolidationPolicy: 'WhenEmptyOrUnderutilized',
        consolidateAfter: '1m',
        budgets: [{ nodes: '10%' }],
      },
      weight: 10,
      capacityTypes: ['spot', 'on-demand'],
      taints: [],
      ready: true,
      createdAt: ago(40 * DAY),
    },
    {
      name: 'gpu',
      nodeClass: 'default',
      limits: { cpuMillis: 64_000, memoryBytes: 256 * GIB },
      usage: { cpuMillis: 62_000, memoryBytes: 120 * GIB, nodes: 8 },
      disruption: {
        consolidationPolicy: 'WhenEmpty',
        consolidateAfter: '10m',
        budgets: [{ nodes: '1' }, { nodes: '0', schedule: '0 9 * * mon-fri', duration: '8h' }],
      },
      capacityTypes: ['on-demand'],
      taints: ['nvidia.com/gpu=true:NoSchedule'],
      ready: true,
    },
  ],
  nodeClaims: [
    {
      name: 'default-x7k2p',
      nodePool: 'default',
      nodeName: 'ip-10-31-4-17.ec2.internal',
      instanceType: 'm6i.2xlarge',
      capacityType: 'spot',
      zone: 'us-east-1a',
      cpuMillis: 8000,
      memoryBytes: 32 * GIB,
      ready: true,
      createdAt: ago(3 * DAY),
    },
    {
      name: 'gpu-bq9zt',
      nodePool: 'gpu',
      instanceType: 'g5.2xlarge',
      capacityType: 'on-demand',
      zone: 'us-east-1c',
      ready: false,
      createdAt: ago(60_000),
    },
  ],
  nodeClasses: [
    {
      name: 'default',
      role: 'KarpenterNodeRole-search-prod',
      instanceProfile: 'search-prod_2216047891',
      amiAliases: ['al2023@latest'],
      ready: true,
    },
  ],
  errors: [],
};

async function showAutoscaling(view: AutoscalingView) {
  stubEventSource();
  stubFetch({ ...resourcesHandlers(), [`GET ${K8S_API}/autoscaling`]: () => json(view) });
  renderApp(resourcesPage('autoscaling'));
  await screen.findByRole('heading', { name: 'Node autoscaling' });
}

describe('Karpenter in the Autoscaling view', () => {
  it('shows each NodePool with its usage against its limits, coloured by how full, and its disruption policy', async () => {
    await showAutoscaling({ ...emptyAutoscaling, karpenter });
    const general = screen.getByRole('region', { name: 'NodePool default' });
    expect(within(general).getByText('3 nodes')).toBeInTheDocument();
    const cpu = within(general).getByRole('img', {
      name: 'CPU: 20 cores of 1000 cores limit (2%)',
    });
    expect(cpu.querySelector('.bg-info-dot')).not.toBeNull();
    expect(
      within(general).getByRole('img', { name: 'Memory: 61 GiB of 1000 GiB limit (6%)' }),
    ).toBeInTheDocument();
    expect(general).toHaveTextContent('WhenEmptyOrUnderutilized after 1m');
    expect(general).toHaveTextContent('10% at a time');
    expect(general).toHaveTextContent('spot, on-demand');

    const gpu = screen.getByRole('region', { name: 'NodePool gpu' });
    // 62 of 64 cores: nearly at the limit, where Karpenter stops launching.
    const full = within(gpu).getByRole('img', { name: 'CPU: 62 cores of 64 cores limit (97%)' });
    expect(full.querySelector('.bg-danger-dot')).not.toBeNull();
    expect(gpu).toHaveTextContent('nvidia.com/gpu=true:NoSchedule');
    expect(gpu).toHaveTextContent('0 at a time from "0 9 * * mon-fri" for 8h');
    expect(gpu).toHaveTextContent('WhenEmpty after 10m');
  });

  it('lists the NodeClaims in a table, sortable by its headers, and the EC2NodeClasses', async () => {
    await showAutoscaling({ ...emptyAutoscaling, karpenter });
    const section = screen.getByRole('region', { name: 'Karpenter NodePools' });
    expect(within(section).getByRole('heading', { name: 'NodeClaims (2)' })).toBeInTheDocument();
    const table = within(section).getByRole('table', { name: 'NodeClaims' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Name',
      'NodePool',
      'Node',
      'Instance type',
      'Capacity type',
      'Zone',
      'Ready',
      'Age',
    ]);
    const ready = within(table).getByText('default-x7k2p').closest('tr')!;
    expect(
      within(ready)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'default-x7k2p',
      'default',
      'ip-10-31-4-17.ec2.internal',
      'm6i.2xlarge',
      'spot',
      'us-east-1a',
      'Ready',
      '3d',
    ]);
    const launching = within(table).getByText('gpu-bq9zt').closest('tr')!;
    expect(launching).toHaveTextContent('Not ready');
    expect(launching).toHaveTextContent('—');

    await userEvent.click(within(table).getByRole('button', { name: /Name/ }));
    const names = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    expect(names()).toEqual(['gpu-bq9zt', 'default-x7k2p']);

    const classes = within(section).getByRole('list', { name: 'EC2NodeClasses' });
    expect(classes).toHaveTextContent('al2023@latest');
    expect(classes).toHaveTextContent('KarpenterNodeRole-search-prod');
    expect(classes).toHaveTextContent('Ready');
  });

  it('says in one line that Karpenter is not installed, with no empty table', async () => {
    await showAutoscaling({ ...emptyAutoscaling, hpas: [hpa()] });
    const section = screen.getByRole('region', { name: 'Karpenter NodePools' });
    expect(section).toHaveTextContent('Karpenter is not installed on this cluster');
    expect(within(section).queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Horizontal Pod Autoscalers' })).toBeInTheDocument();
  });

  it('lists what could not be read, beside what could', async () => {
    await showAutoscaling({
      ...emptyAutoscaling,
      karpenter: {
        ...karpenter,
        nodePools: [],
        errors: [
          {
            resource: 'nodepools.karpenter.sh',
            message:
              'Your groups (wheelhouse:operator) may not list nodepools across all namespaces.',
          },
        ],
      },
    });
    const section = screen.getByRole('region', { name: 'Karpenter NodePools' });
    expect(section).toHaveTextContent("Some of Karpenter's objects could not be read");
    expect(section).toHaveTextContent('nodepools.karpenter.sh: Your groups (wheelhouse:operator)');
    expect(within(section).getByRole('table', { name: 'NodeClaims' })).toBeInTheDocument();
  });
});
