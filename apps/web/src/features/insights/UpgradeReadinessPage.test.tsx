import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FleetInsightRow, FleetInsights } from '@wheelhouse/contract';
import { auditorSession } from '../../test/dashboardFixtures.ts';
import { json, stubFetch } from '../../test/fetchStub.ts';
import { sources } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const row = (overrides: Partial<FleetInsightRow>): FleetInsightRow => ({
  accountId: '111111111111',
  region: 'eu-west-1',
  cluster: 'prod-web',
  version: '1.34',
  nextVersion: '1.35',
  canUpgrade: true,
  blockers: [],
  counts: { PASSING: 4, WARNING: 0, ERROR: 0, UNKNOWN: 0 },
  ...overrides,
});

const fleet: FleetInsights = {
  items: [
    row({}),
    row({
      cluster: 'legacy-billing',
      region: 'us-east-1',
      version: '1.30',
      nextVersion: '1.31',
      canUpgrade: false,
      blockers: [
        {
          source: 'addon',
          title: 'Add-on coredns v1.11.1-eksbuild.9 does not run on 1.31',
          detail: 'Update it to v1.11.3-eksbuild.2 (runs on 1.31) first.',
        },
        {
          source: 'insight',
          title: 'Amazon EKS add-on version compatibility',
          detail: 'Add-on versions are not compatible with the next Kubernetes version.',
        },
      ],
      counts: { PASSING: 2, WARNING: 1, ERROR: 2, UNKNOWN: 0 },
    }),
  ],
  errors: [
    {
      accountId: '222222222222',
      region: 'ap-southeast-2',
      cluster: 'edge',
      code: 'AccessDeniedException',
      message: 'EKS insights: User is not authorized to perform: eks:ListInsights',
    },
  ],
  generatedAt: '2026-11-26T12:00:00.000Z',
};

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;

describe('the Upgrade readiness page', () => {
  it('puts blocked clusters first with what blocks them, and names what could not be read', async () => {
    stubFetch({
      'GET /api/session': () => json(auditorSession),
      'GET /api/sources': () => json(sources),
      'GET /api/insights': () => json(fleet),
    });
    renderApp('/upgrades');
    const table = await screen.findByRole('table', { name: 'Upgrade readiness per cluster' });
    expect(
      screen.getByText(/of 2 clusters can move to their next version today/),
    ).toHaveTextContent('1 of 2 clusters');
    const links = within(table)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual(['legacy-billing', 'prod-web']);

    const legacy = rowOf('legacy-billing');
    expect(legacy).toHaveTextContent('1.30 → 1.31');
    expect(within(legacy).getByText('Blocked (2)')).toBeVisible();
    expect(
      within(legacy)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Add-on coredns v1.11.1-eksbuild.9 does not run on 1.31',
      'Amazon EKS add-on version compatibility',
    ]);
    expect(legacy).toHaveTextContent('2 error');
    expect(legacy).toHaveTextContent('1 warning');
    expect(within(legacy).getByRole('link', { name: 'legacy-billing' })).toHaveAttribute(
      'href',
      '/clusters/111111111111/us-east-1/legacy-billing?tab=upgrade',
    );

    const ready = rowOf('prod-web');
    expect(within(ready).getByText('Can upgrade')).toBeVisible();
    expect(ready).toHaveTextContent('1.34 → 1.35');

    expect(screen.getByText(/not authorized to perform: eks:ListInsights/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Upgrades' })).toHaveAttribute('href', '/upgrades');
  });
});
