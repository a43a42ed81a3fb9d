import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ClusterInsight, ClusterInsights } from '@wheelhouse/contract';
import { CLUSTER_API, CLUSTER_PAGE } from '../../test/computeFixtures.ts';
import { json, stubFetch } from '../../test/fetchStub.ts';
import { clusterDetail, operatorSession } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const insight = (overrides: Partial<ClusterInsight>): ClusterInsight => ({
  id: 'i-1',
  name: 'Kubelet version skew',
  category: 'UPGRADE_READINESS',
  kubernetesVersion: '1.32',
  status: 'PASSING',
  reason: 'Node kubelet versions match the cluster control plane version.',
  ...overrides,
});

const blocked = (): ClusterInsights => ({
  accountId: '111111111111',
  region: 'eu-west-1',
  cluster: 'prod-web',
  items: [
    insight({}),
    insight({
      id: 'i-2',
      name: 'Deprecated APIs removed in Kubernetes v1.32',
      status: 'ERROR',
      reason: 'Deprecated API usage detected within the last 30 days.',
      recommendation: 'Update manifests and API clients to use newer Kubernetes APIs.',
      deprecations: [
        {
          usage: '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas',
          replacedWith: '/apis/flowcontrol.apiserver.k8s.io/v1/flowschemas',
          stopServingVersion: '1.32',
          clients: [
            {
              userAgent: 'datadog-cluster-agent/v1.20.0',
              requestsLast30Days: 8640,
              lastRequestTime: '2026-11-26T11:54:00.000Z',
            },
          ],
        },
      ],
      resources: [
        {
          kubernetesResourceUri: '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas/datadog',
          status: 'ERROR',
        },
      ],
    }),
    insight({
      id: 'i-3',
      name: 'Cluster health issues',
      category: 'MISCONFIGURATION',
      kubernetesVersion: '1.31',
      status: 'WARNING',
      reason: '1 resource(s) of the cluster report health issues.',
    }),
  ],
  readiness: {
    currentVersion: '1.31',
    nextVersion: '1.32',
    canUpgrade: false,
    blockers: [
      {
        source: 'insight',
        title: 'Deprecated APIs removed in Kubernetes v1.32',
        detail: 'Called by: datadog-cluster-agent/v1.20.0.',
      },
      {
        source: 'nodegroup-skew',
        title: 'Node group legacy is on 1.28',
        detail: 'Its kubelets would be 4 minor versions behind 1.32.',
      },
    ],
    nodegroupSkew: [
      { nodegroup: 'general', version: '1.31', behind: 1, tooFar: false },
      { nodegroup: 'legacy', version: '1.28', behind: 4, tooFar: true },
    ],
    addonCompatibility: [
      {
        name: 'coredns',
        installedVersion: 'v1.11.1-eksbuild.9',
        compatible: false,
        compatibleVersions: ['v1.11.4-eksbuild.14', 'v1.11.3-eksbuild.2'],
        defaultVersion: 'v1.11.3-eksbuild.2',
      },
      {
        name: 'kube-proxy',
        installedVersion: 'v1.31.2-eksbuild.2',
        compatible: true,
        updateAfterUpgrade: true,
        compatibleVersions: ['v1.32.0-eksbuild.1'],
      },
    ],
    supportStatus: 'STANDARD_SUPPORT',
    endOfStandardSupport: '2025-11-26T00:00:00.000Z',
    endOfExtendedSupport: '2026-11-26T00:00:00.000Z',
  },
  errors: [],
});

async function openTab(answer: ClusterInsights) {
  stubFetch({
    'GET /api/session': () => json(operatorSession),
    [`GET ${CLUSTER_API}`]: () => json(clusterDetail()),
    [`GET ${CLUSTER_API}/insights`]: () => json(answer),
  });
  renderApp(`${CLUSTER_PAGE}?tab=upgrade`);
  return screen.findByRole('region', { name: /Upgrade to Kubernetes/ });
}

describe('the Upgrade readiness tab', () => {
  it('says what blocks the next version, worst insights first, with the clients of removed APIs', async () => {
    const user = userEvent.setup();
    const summary = await openTab(blocked());
    expect(within(summary).getByText('Blocked (2)')).toBeVisible();
    expect(summary).toHaveTextContent('1.31 → 1.32');
    const blockers = within(summary).getByRole('list', { name: 'Blockers' });
    expect(
      within(blockers)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Deprecated APIs removed in Kubernetes v1.32 — Called by: datadog-cluster-agent/v1.20.0.',
      'Node group legacy is on 1.28 — Its kubelets would be 4 minor versions behind 1.32.',
    ]);
    expect(summary).toHaveTextContent('End of standard support');

    const list = screen.getByRole('list', { name: 'Insights' });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement === list);
    expect(items.map((item) => item.querySelector('summary')?.textContent)).toEqual([
      '▸ERRORDeprecated APIs removed in Kubernetes v1.32Upgrade · Kubernetes 1.32',
      '▸WARNINGCluster health issuesConfiguration · Kubernetes 1.31',
      '▸PASSINGKubelet version skewUpgrade · Kubernetes 1.32',
    ]);
    // Failing insights open with their details; the deprecated API names who still calls it.
    const apis = within(items[0]!).getByRole('table', { name: 'Deprecated APIs' });
    const row = within(apis).getByRole('row', { name: /v1beta3\/flowschemas/ });
    expect(row).toHaveTextContent('/apis/flowcontrol.apiserver.k8s.io/v1/flowschemas');
    expect(row).toHaveTextContent('datadog-cluster-agent/v1.20.0');
    expect(row).toHaveTextContent('8640 requests');
    expect(items[0]).toHaveTextContent(
      '/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas/datadog',
    );
    // A passing insight is folded until its summary is clicked.
    const passing = items[2]!.querySelector('details')!;
    expect(passing.open).toBe(false);
    expect(within(items[2]!).getByText(/Node kubelet versions match/)).not.toBeVisible();
    await user.click(passing.querySelector('summary')!);
    expect(passing.open).toBe(true);

    const skew = screen.getByRole('table', { name: 'Node group version skew' });
    expect(within(skew).getByRole('row', { name: /legacy/ })).toHaveTextContent('too far behind');
    expect(within(skew).getByRole('row', { name: /general/ })).toHaveTextContent('supported');
    const addons = screen.getByRole('table', { name: 'Add-on compatibility' });
    expect(within(addons).getByRole('row', { name: /coredns/ })).toHaveTextContent('incompatible');
    expect(within(addons).getByRole('row', { name: /coredns/ })).toHaveTextContent(
      'v1.11.3-eksbuild.2',
    );
    expect(within(addons).getByRole('row', { name: /kube-proxy/ })).toHaveTextContent(
      'update after upgrade',
    );
  });

  it('gives a clean cluster the green light', async () => {
    const clean = blocked();
    clean.items = [insight({})];
    clean.readiness = {
      ...clean.readiness,
      canUpgrade: true,
      blockers: [],
      nodegroupSkew: [{ nodegroup: 'general', version: '1.31', behind: 1, tooFar: false }],
      addonCompatibility: [],
    };
    const summary = await openTab(clean);
    expect(within(summary).getByText('Can upgrade')).toBeVisible();
    expect(within(summary).queryByRole('list', { name: 'Blockers' })).not.toBeInTheDocument();
  });
});
