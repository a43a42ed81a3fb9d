import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ClusterList } from '@wheelhouse/contract';
import { json, problem, stubFetch } from '../../test/fetchStub.ts';
import { clusterSummary, operatorSession, sources } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const fleet: ClusterList = {
  items: [
    clusterSummary({ name: 'prod-web', region: 'eu-west-1', version: '1.31' }),
    clusterSummary({ name: 'prod-api', region: 'us-east-1', version: '1.29', status: 'UPDATING' }),
    clusterSummary({
      name: 'stage-web',
      accountId: '222222222222',
      accountName: 'staging',
      region: 'eu-west-1',
      version: '1.30',
      versionSupport: {
        status: 'EXTENDED_SUPPORT',
        endOfExtendedSupport: '2027-03-23T00:00:00.000Z',
      },
    }),
  ],
  errors: [],
};

function stubApi(clusters: () => Response) {
  return stubFetch({
    'GET /api/session': () => json(operatorSession),
    'GET /api/sources': () => json(sources),
    'GET /api/clusters': clusters,
  });
}

const rowNames = () =>
  within(screen.getByRole('table', { name: 'Clusters' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('ClustersPage', () => {
  it('lists every cluster with its account, region, status and version support', async () => {
    stubApi(() => json(fleet));
    renderApp('/clusters');
    const table = await screen.findByRole('table', { name: 'Clusters' });
    expect(screen.getByText('3 clusters')).toBeInTheDocument();
    const stage = within(table).getByRole('link', { name: 'stage-web' });
    expect(stage).toHaveAttribute('href', '/clusters/222222222222/eu-west-1/stage-web');
    const row = stage.closest('tr')!;
    expect(row).toHaveTextContent('staging');
    expect(row).toHaveTextContent('extended');
    expect(row).toHaveTextContent('until 2027-03-23');
    expect(within(table).getByText('Updating')).toBeInTheDocument();
  });

  it('shows the clusters it could read and a banner naming the sources it could not', async () => {
    stubApi(() =>
      json({
        ...fleet,
        errors: [
          {
            accountId: '222222222222',
            region: 'us-east-1',
            code: 'AccessDeniedException',
            message: 'User is not authorized to perform: eks:ListClusters',
          },
        ],
      }),
    );
    renderApp('/clusters');
    await screen.findByRole('table', { name: 'Clusters' });
    const banner = screen.getByRole('alert', { name: /1 source could not be read/ });
    expect(banner).toHaveTextContent('staging (222222222222) · us-east-1');
    expect(banner).toHaveTextContent('User is not authorized to perform: eks:ListClusters');
    await waitFor(() => expect(rowNames()).toEqual(['prod-api', 'prod-web', 'stage-web']));
  });

  it('applies the filters and sort from the URL and counts what is shown', async () => {
    stubApi(() => json(fleet));
    renderApp('/clusters?region=eu-west-1&sort=version&dir=desc');
    await screen.findByRole('table', { name: 'Clusters' });
    expect(screen.getByText('2 of 3 clusters')).toBeInTheDocument();
    await waitFor(() => expect(rowNames()).toEqual(['prod-web', 'stage-web']));
    expect(screen.getByRole('columnheader', { name: 'Version' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(
      screen.getByRole('button', { name: 'Filter by region, 1 selected' }),
    ).toBeInTheDocument();
  });

  it('writes a sort chosen from the keyboard into the URL', async () => {
    stubApi(() => json(fleet));
    const user = userEvent.setup();
    const app = renderApp('/clusters');
    await screen.findByRole('table', { name: 'Clusters' });
    const versionHeader = within(screen.getByRole('columnheader', { name: 'Version' })).getByRole(
      'button',
    );
    versionHeader.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(app.location().search).toBe('?sort=version'));
    await waitFor(() => expect(rowNames()).toEqual(['prod-api', 'stage-web', 'prod-web']));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(app.location().search).toBe('?sort=version&dir=desc'));
    await waitFor(() => expect(rowNames()).toEqual(['prod-web', 'stage-web', 'prod-api']));
  });

  it('filters by text into ?q= and back/forward restore the box', async () => {
    stubApi(() => json(fleet));
    const user = userEvent.setup();
    const app = renderApp('/clusters');
    await screen.findByRole('table', { name: 'Clusters' });
    await user.type(screen.getByRole('searchbox', { name: 'Filter clusters' }), 'staging');
    await waitFor(() => expect(app.location().search).toBe('?q=staging'));
    expect(await screen.findByText('1 of 3 clusters')).toBeInTheDocument();

    await app.router.navigate(-1);
    await waitFor(() =>
      expect(screen.getByRole('searchbox', { name: 'Filter clusters' })).toHaveValue(''),
    );
    expect(screen.getByText('3 clusters')).toBeInTheDocument();
  });

  it('filters by facets chosen from the filter menus', async () => {
    stubApi(() => json(fleet));
    const user = userEvent.setup();
    const app = renderApp('/clusters');
    await screen.findByRole('table', { name: 'Clusters' });
    await user.click(screen.getByRole('button', { name: 'Filter by status' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Updating' }));
    await waitFor(() => expect(app.location().search).toBe('?status=UPDATING'));
    await waitFor(() => expect(rowNames()).toEqual(['prod-api']));
    await user.click(screen.getByRole('checkbox', { name: 'Active' }));
    await waitFor(() => expect(app.location().search).toBe('?status=UPDATING&status=ACTIVE'));
    expect(await screen.findByText('3 of 3 clusters')).toBeInTheDocument();
  });

  it('offers to clear filters that match nothing', async () => {
    stubApi(() => json(fleet));
    const user = userEvent.setup();
    const app = renderApp('/clusters?q=nothing-like-this&sort=region');
    expect(
      await screen.findByRole('heading', { name: 'No clusters match these filters' }),
    ).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await screen.findByRole('table', { name: 'Clusters' });
    expect(app.location().search).toBe('?sort=region');
  });

  it('says when there are no clusters at all', async () => {
    stubApi(() => json({ items: [], errors: [] }));
    renderApp('/clusters');
    expect(await screen.findByRole('heading', { name: 'No clusters yet' })).toBeInTheDocument();
    expect(screen.getByText(/2 accounts in eu-west-1, us-east-1/)).toBeInTheDocument();
  });

  it('shows a failed request with its message and retries on demand', async () => {
    let calls = 0;
    stubApi(() => {
      calls += 1;
      return calls === 1
        ? problem(503, 'Service unavailable', 'EKS is throttling; try again.')
        : json(fleet);
    });
    const user = userEvent.setup();
    renderApp('/clusters');
    const alert = await screen.findByRole('alert', { name: 'Could not load clusters' });
    expect(alert).toHaveTextContent('EKS is throttling; try again.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('table', { name: 'Clusters' })).toBeInTheDocument();
  });

  it('sends the user to sign-in when the session has expired', async () => {
    let expired = false;
    stubFetch({
      'GET /api/session': () => (expired ? problem(401, 'Unauthorized') : json(operatorSession)),
      'GET /api/sources': () => json(sources),
      'GET /api/clusters': () => {
        expired = true;
        return problem(401, 'Unauthorized', 'Sign in first.');
      },
    });
    const app = renderApp('/clusters?q=prod');
    await screen.findByLabelText('User name');
    expect(app.location().pathname).toBe('/login');
    expect(new URLSearchParams(app.location().search).get('next')).toBe('/clusters?q=prod');
  });

  it('renders only the rows in view for a large fleet', async () => {
    const many = Array.from({ length: 3000 }, (_, index) =>
      clusterSummary({ name: `cluster-${String(index).padStart(4, '0')}` }),
    );
    stubApi(() => json({ items: many, errors: [] }));
    renderApp('/clusters');
    const table = await screen.findByRole('table', { name: 'Clusters' });
    expect(table).toHaveAttribute('aria-rowcount', '3001');
    const rendered = within(table).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
  });
});
