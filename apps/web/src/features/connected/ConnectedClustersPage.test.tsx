import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, stubFetch } from '../../test/fetchStub.ts';
import { auditorSession } from '../../test/dashboardFixtures.ts';
import { clusterSummary, operatorSession, sources } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const HOUR = 3600_000;
const connected = (name: string, overrides: Parameters<typeof clusterSummary>[0] = {}) =>
  clusterSummary({
    name,
    connected: true,
    version: undefined,
    versionSupport: { status: 'UNKNOWN' },
    enabledLogTypes: [],
    secretsEncryption: false,
    ...overrides,
  });

function stubList(session = operatorSession) {
  return stubFetch({
    'GET /api/session': () => json(session),
    'GET /api/sources': () => json(sources),
    'GET /api/clusters': () =>
      json({
        items: [
          clusterSummary({ name: 'prod-web' }),
          connected('onprem-lab', {
            status: 'PENDING',
            provider: 'EKS_ANYWHERE',
            createdAt: new Date(Date.now() - HOUR).toISOString(),
            activationExpiry: new Date(Date.now() + 51 * HOUR + 60_000).toISOString(),
          }),
          connected('gke-analytics', {
            status: 'PENDING',
            provider: 'GKE',
            activationExpiry: new Date(Date.now() - 2 * HOUR - 60_000).toISOString(),
          }),
          connected('aks-shop', { status: 'ACTIVE', provider: 'AKS', region: 'us-east-1' }),
        ],
        errors: [],
      }),
    'DELETE /api/connected-clusters/111111111111/us-east-1/aks-shop': () =>
      json({ auditId: 4 }, 202),
  });
}

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;

describe('ConnectedClustersPage', () => {
  it('lists only connected clusters, with a live countdown for pending activations', async () => {
    stubList();
    renderApp('/connected');
    const table = await screen.findByRole('table', { name: 'Connected clusters' });
    expect(within(table).queryByRole('link', { name: 'prod-web' })).not.toBeInTheDocument();
    expect(screen.getByText('3 connected clusters')).toBeInTheDocument();

    const pending = rowOf('onprem-lab');
    expect(pending).toHaveTextContent('EKS Anywhere');
    expect(pending).toHaveTextContent('Pending');
    expect(pending).toHaveTextContent('expires in 2 d 3 h');
    expect(pending).toHaveTextContent('1 hour ago');
    expect(within(pending).getByRole('link', { name: 'onprem-lab' })).toHaveAttribute(
      'href',
      '/clusters/111111111111/eu-west-1/onprem-lab',
    );

    const lapsed = rowOf('gke-analytics');
    expect(lapsed).toHaveTextContent('Failed');
    expect(lapsed).toHaveTextContent('expired 2 h 1 min ago');

    const active = rowOf('aks-shop');
    expect(active).toHaveTextContent('Active');
    expect(active).toHaveTextContent('us-east-1');
    expect(active).toHaveTextContent('agent connected');
  });

  it('filters by status from the URL, as the dashboard links to it', async () => {
    stubList();
    renderApp('/connected?status=PENDING');
    const table = await screen.findByRole('table', { name: 'Connected clusters' });
    expect(
      within(table)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['onprem-lab']);
    expect(screen.getByText('1 of 3 connected clusters')).toBeInTheDocument();
  });

  it('deregisters from the list after the name is typed', async () => {
    const seen = stubList();
    const user = userEvent.setup();
    renderApp('/connected');
    await user.click(await screen.findByRole('button', { name: 'Deregister aks-shop' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deregister cluster aks-shop' });
    const confirm = within(dialog).getByRole('button', { name: 'Deregister cluster' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type aks-shop to confirm'), 'aks-shop');
    await user.click(confirm);
    expect(await screen.findByRole('status', { name: 'Change status' })).toHaveTextContent(
      'Deregistering cluster aks-shop.',
    );
    await waitFor(() =>
      expect(seen.find((request) => request.method === 'DELETE')?.body).toEqual({
        confirmName: 'aks-shop',
      }),
    );
  });

  it('shows auditors the list without change controls', async () => {
    stubList(auditorSession);
    renderApp('/connected');
    await screen.findByRole('table', { name: 'Connected clusters' });
    expect(screen.queryByRole('link', { name: 'Register cluster' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Deregister/ })).not.toBeInTheDocument();
  });
});
