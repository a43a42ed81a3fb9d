import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem, stubFetch } from '../../test/fetchStub.ts';
import { fleetDashboard } from '../../test/dashboardFixtures.ts';
import { clusterSummary, operatorSession, sources } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { PAGE_MS } from './Tile.tsx';

const noUser = () => problem(401, 'Unauthorized', 'Sign in first.');
const tile = (name: string) => screen.getByRole('region', { name });

/** Nine clusters in extended support, each a day further from its end. */
const nineFlagged = () =>
  Array.from({ length: 9 }, (_, i) => ({
    accountId: '111111111111',
    region: 'eu-west-1',
    name: `old-${i + 1}`,
    version: '1.29',
    status: 'EXTENDED_SUPPORT' as const,
    endOfExtendedSupport: new Date(
      Date.parse('2026-06-01T00:00:00Z') + i * 86_400_000,
    ).toISOString(),
  }));

describe('DashboardRoute', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the tiles to a signed-in user, each linking to the list behind it', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      'GET /api/dashboard': () => json(fleetDashboard()),
    });
    renderApp('/dashboard');
    await screen.findByRole('region', { name: 'Clusters by status' });
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Dashboard');
    expect(screen.getByText(/^Updated/)).toHaveTextContent(/Updated \d+ s ago/);

    const status = tile('Clusters by status');
    // A bar's name is its text, part of it for screen readers only (jsdom spaces the parts apart).
    const bar = within(status)
      .getAllByRole('link')
      .find((link) => link.textContent === 'Updating: 2 clusters');
    expect(bar).toHaveAttribute('href', '/clusters?status=UPDATING');
    expect(within(status).getByRole('link', { name: 'All 9 clusters' })).toHaveAttribute(
      'href',
      '/clusters',
    );
    const versions = within(tile('Clusters by version')).getAllByRole('link');
    expect(versions.map((link) => link.textContent)).toEqual([
      'Kubernetes 1.31: 4 clusters',
      'Kubernetes 1.30: 1 cluster',
      'Kubernetes 1.29: 3 clusters',
    ]);
    expect(versions[2]).toHaveAttribute('href', '/clusters?version=1.29');

    const support = tile('Version support');
    expect(support).toHaveTextContent(
      'legacy-batch1.29147 days leftextended support until 2026-03-23',
    );
    expect(support).toHaveTextContent('stage-api1.3030 days leftstandard support until 2025-11-26');
    expect(within(support).getByRole('link', { name: 'Clusters on 1.30, 1.29' })).toHaveAttribute(
      'href',
      '/clusters?version=1.30&version=1.29',
    );
    expect(within(support).getByRole('link', { name: 'legacy-batch' })).toHaveAttribute(
      'href',
      '/clusters/111111111111/eu-west-1/legacy-batch',
    );

    const nodegroups = tile('Node groups degraded or updating');
    expect(nodegroups).toHaveTextContent('Degraded');
    expect(nodegroups).toHaveTextContent('2 issues');
    expect(
      within(nodegroups).getByRole('link', { name: 'prod-web / spot-workers' }),
    ).toHaveAttribute('href', '/clusters/111111111111/eu-west-1/prod-web/nodegroups/spot-workers');

    const pods = tile('Pods not running or ready');
    expect(pods).toHaveTextContent('3 of 120 pods');
    expect(within(pods).queryByRole('link', { name: 'prod-api' })).not.toBeInTheDocument();

    const updates = tile('Updates in progress');
    expect(updates).toHaveTextContent('Version update');
    expect(within(updates).getByRole('link', { name: 'prod-api' })).toHaveAttribute(
      'href',
      '/clusters/111111111111/eu-west-1/prod-api?tab=updates',
    );

    const pending = tile('Connected clusters pending');
    expect(pending).toHaveTextContent('expires in 2 d 3 h');
    expect(
      within(pending).getByRole('link', { name: 'Pending connected clusters' }),
    ).toHaveAttribute('href', '/connected?status=PENDING');
  });

  it('lists as many clusters as it counts, or says how many more there are', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      'GET /api/dashboard': () => json(fleetDashboard({ versionSupport: nineFlagged() })),
    });
    renderApp('/dashboard');
    const support = await screen.findByRole('region', { name: 'Version support' });
    expect(support).toHaveTextContent(/^Version support9/);
    const list = within(support).getByRole('list', { name: 'Clusters by version support' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(6);
    expect(support).toHaveTextContent('and 3 more');
    expect(within(support).getAllByRole('link', { name: 'Clusters on 1.29' })[0]).toHaveAttribute(
      'href',
      '/clusters?version=1.29',
    );
  });

  it('pages a long tile on the wall screen instead of cutting it', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      'GET /api/dashboard': () => json(fleetDashboard({ versionSupport: nineFlagged() })),
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp('/dashboard?kiosk=1');
    const support = await screen.findByRole('region', { name: 'Version support' });
    const list = within(support).getByRole('list', { name: 'Clusters by version support' });
    // Without layout (jsdom) a page holds four; in a browser, as many as the tile fits.
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(support).toHaveTextContent('1–4 of 9');
    expect(support).toHaveTextContent('old-1');
    // The page turns by itself; the clock is moved on rather than waited for.
    act(() => {
      vi.advanceTimersByTime(PAGE_MS);
    });
    expect(within(support).getByText('old-5')).toBeInTheDocument();
    expect(support).toHaveTextContent('5–8 of 9');
  });

  it('keeps the version bars readable without colour: a legend names each colour', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      'GET /api/dashboard': () => json(fleetDashboard()),
    });
    renderApp('/dashboard');
    const versions = await screen.findByRole('region', { name: 'Clusters by version' });
    const legend = within(versions).getByRole('list', {
      name: 'Legend: Clusters by Kubernetes version',
    });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['supported', 'extended support, or support ends within 90 days']);
  });

  it('shows a token-only wall screen tiles without links that would lead to sign-in', async () => {
    stubFetch({
      'GET /api/session': noUser,
      'GET /api/dashboard/session': () =>
        json({ name: 'Lobby TV', expiresAt: '2026-01-25T00:00:00.000Z' }),
      'GET /api/dashboard': () => json(fleetDashboard()),
    });
    renderApp('/dashboard?kiosk=1');
    const status = await screen.findByRole('region', { name: 'Clusters by status' });
    expect(status).toHaveTextContent('Updating');
    expect(tile('Version support')).toHaveTextContent('legacy-batch');
    for (const region of screen.getAllByRole('region')) {
      expect(within(region).queryAllByRole('link')).toEqual([]);
    }
  });

  it('says which sources could not be read, in a small banner beside the tiles', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      'GET /api/dashboard': () =>
        json(
          fleetDashboard({
            pods: [],
            errors: [
              {
                accountId: '222222222222',
                region: 'ap-south-1',
                code: 'AccessDeniedException',
                message: 'User is not authorized to perform: eks:ListClusters',
              },
            ],
          }),
        ),
    });
    renderApp('/dashboard');
    const banner = await screen.findByRole('alert', {
      name: '1 source could not be read; the numbers may be incomplete',
    });
    // Named without a click, as on the clusters page, with what to do about it.
    expect(banner).toHaveTextContent(
      "222222222222 · ap-south-1: AccessDeniedException User is not authorized to perform: eks:ListClusters. Grant the console's role the read permission the message names in this account.",
    );
    expect(within(banner).queryByRole('group')).not.toBeInTheDocument();
    expect(tile('Clusters by status')).toBeInTheDocument();
    // Counts that could not be read are not shown as "all well".
    expect(tile('Pods not running or ready')).toHaveTextContent(
      'No pod counts could be read from the clusters.',
    );
    expect(tile('Pods not running or ready')).not.toHaveTextContent('0');
  });

  it('fills the screen in kiosk mode: no navigation, dark theme until it closes', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      'GET /api/dashboard': () => json(fleetDashboard()),
    });
    const app = renderApp('/dashboard?kiosk=1');
    await screen.findByRole('region', { name: 'Clusters by status' });
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Kiosk mode' })).not.toBeInTheDocument();
    expect(document.documentElement).toHaveClass('dark');
    app.unmount();
    expect(document.documentElement).not.toHaveClass('dark');
  });

  it('trades a ?token= link for a dashboard session and takes the token out of the URL', async () => {
    let exchanged = false;
    const seen = stubFetch({
      'GET /api/session': noUser,
      'POST /api/dashboard/session': () => {
        exchanged = true;
        return new Response(null, { status: 204 });
      },
      'GET /api/dashboard/session': () =>
        exchanged ? json({ name: 'Lobby TV', expiresAt: '2026-01-25T00:00:00.000Z' }) : noUser(),
      'GET /api/dashboard': () => (exchanged ? json(fleetDashboard()) : noUser()),
    });
    const app = renderApp('/dashboard?kiosk=1&token=wh_dash_secret');
    await screen.findByRole('region', { name: 'Clusters by status' });

    expect(seen.find((request) => request.method === 'POST')?.body).toEqual({
      token: 'wh_dash_secret',
    });
    expect(app.location().pathname).toBe('/dashboard');
    expect(app.location().search).toBe('?kiosk=1');
    expect(app.router.state.historyAction).toBe('REPLACE');
    expect(screen.getByText('Wall screen “Lobby TV”')).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('says so when the token is refused, and still drops it from the URL', async () => {
    stubFetch({
      'GET /api/session': noUser,
      'POST /api/dashboard/session': () =>
        problem(401, 'Unauthorized', 'This dashboard token is unknown, revoked or expired.'),
    });
    const app = renderApp('/dashboard?token=stale');
    await screen.findByRole('heading', { name: 'This dashboard link does not work' });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This dashboard token is unknown, revoked or expired.',
    );
    await waitFor(() => expect(app.location().search).toBe(''));
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('sends a browser with neither session to sign-in', async () => {
    stubFetch({ 'GET /api/session': noUser, 'GET /api/dashboard/session': noUser });
    const app = renderApp('/dashboard?kiosk=1');
    await screen.findByLabelText('User name');
    expect(app.location().pathname).toBe('/login');
    expect(new URLSearchParams(app.location().search).get('next')).toBe('/dashboard?kiosk=1');
  });

  it('lets a dashboard session see only the dashboard: other pages ask for sign-in', async () => {
    stubFetch({
      'GET /api/session': noUser,
      'GET /api/dashboard/session': () =>
        json({ name: 'Lobby TV', expiresAt: '2026-01-25T00:00:00.000Z' }),
      'GET /api/dashboard': () => json(fleetDashboard()),
      'GET /api/clusters': () => json({ items: [clusterSummary()], errors: [] }),
      'GET /api/sources': () => json(sources),
    });
    const app = renderApp('/clusters');
    await screen.findByLabelText('User name');
    expect(app.location().pathname).toBe('/login');
  });

  it('goes to sign-in when the dashboard token stops working', async () => {
    stubFetch({
      'GET /api/session': noUser,
      'GET /api/dashboard/session': () =>
        json({ name: 'Lobby TV', expiresAt: '2026-01-25T00:00:00.000Z' }),
      'GET /api/dashboard': () => noUser(),
    });
    const app = renderApp('/dashboard');
    await screen.findByLabelText('User name');
    expect(app.location().pathname).toBe('/login');
  });
});
