import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ClusterUpdates, Update } from '@wheelhouse/contract';
import { UPDATES_BUSY_POLL_MS, updatesRefetchInterval } from '../../../api/lifecycle.ts';
import { CLUSTERS_REFRESH_MS } from '../../../api/clusters.ts';
import { json, stubFetch } from '../../../test/fetchStub.ts';
import { clusterDetail, operatorSession } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const API = '/api/clusters/111111111111/eu-west-1/prod-web';

const update = (overrides: Partial<Update>): Update => ({
  id: 'u-1',
  type: 'VersionUpdate',
  status: 'Successful',
  params: [],
  errors: [],
  createdAt: '2025-01-01T10:00:00.000Z',
  ...overrides,
});

const updates: ClusterUpdates = {
  items: [
    update({
      id: 'u-old',
      type: 'EndpointAccessUpdate',
      status: 'Failed',
      createdAt: '2025-01-01T08:00:00.000Z',
      params: [{ type: 'EndpointPrivateAccess', value: 'true' }],
      errors: [
        {
          code: 'EniLimitReached',
          message: 'You have reached the elastic network interface limit for your account.',
          resourceIds: ['subnet-0aaa1111'],
        },
      ],
    }),
    update({
      id: 'u-new',
      status: 'InProgress',
      progress: 40,
      createdAt: '2025-01-02T08:00:00.000Z',
      params: [
        { type: 'Version', value: '1.32' },
        { type: 'PlatformVersion', value: 'eks.1' },
      ],
    }),
    update({
      id: 'u-logs',
      type: 'LoggingUpdate',
      status: 'InProgress',
      createdAt: '2025-01-01T09:00:00.000Z',
    }),
  ],
};

describe('ClusterUpdatesTab', () => {
  it('lists updates newest first with status, progress, parameters and EKS’s errors', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      [`GET ${API}`]: () => json(clusterDetail()),
      [`GET ${API}/updates`]: () => json(updates),
    });
    renderApp('/clusters/111111111111/eu-west-1/prod-web?tab=updates');
    const table = await screen.findByRole('table', { name: 'Cluster updates' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Version update',
      'Logging update',
      'Endpoint access update',
    ]);

    const [version, logging, endpoint] = rows;
    expect(version).toHaveTextContent('In progress');
    // Parameters as words; EKS's raw values behind a disclosure.
    expect(within(version!).getAllByRole('listitem')[0]).toHaveTextContent('Version 1.31 → 1.32');
    expect(version).toHaveTextContent('Platform version eks.1');
    const raw = within(version!).getByText('Raw parameters').closest('details')!;
    expect(raw).not.toHaveAttribute('open');
    expect(raw).toHaveTextContent('Version1.32PlatformVersioneks.1');
    const determinate = within(version!).getByRole('progressbar', {
      name: 'Progress of version update u-new',
    });
    expect(determinate).toHaveAttribute('aria-valuenow', '40');

    const indeterminate = within(logging!).getByRole('progressbar');
    expect(indeterminate).not.toHaveAttribute('aria-valuenow');
    expect(indeterminate).toHaveAttribute('aria-valuetext', 'In progress');

    expect(endpoint).toHaveTextContent('Failed');
    expect(endpoint).toHaveTextContent('Private endpoint turned on');
    expect(within(endpoint!).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(endpoint).toHaveTextContent(
      'EniLimitReachedYou have reached the elastic network interface limit for your account.subnet-0aaa1111',
    );
  });

  it('says so when EKS has no updates on record', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      [`GET ${API}`]: () => json(clusterDetail()),
      [`GET ${API}/updates`]: () => json({ items: [] }),
    });
    renderApp('/clusters/111111111111/eu-west-1/prod-web?tab=updates');
    expect(await screen.findByText(/EKS has no updates on record/)).toBeInTheDocument();
  });
});

describe('updatesRefetchInterval', () => {
  it('polls fast while an update runs and calmly otherwise', () => {
    expect(updatesRefetchInterval(updates)).toBe(UPDATES_BUSY_POLL_MS);
    expect(UPDATES_BUSY_POLL_MS).toBeGreaterThanOrEqual(2000);
    expect(UPDATES_BUSY_POLL_MS).toBeLessThanOrEqual(3000);
    expect(updatesRefetchInterval({ items: [update({ status: 'Cancelled' })] })).toBe(
      CLUSTERS_REFRESH_MS,
    );
    expect(updatesRefetchInterval(undefined)).toBe(CLUSTERS_REFRESH_MS);
  });
});
