import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubEventSource } from '../../../test/eventSourceStub.ts';
import { json, stubFetch } from '../../../test/fetchStub.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  K8S_API,
  resourcesHandlers,
  resourcesPage,
  workload,
} from '../../../test/workloadFixtures.ts';

const rowOf = (name: string) => screen.getByText(name, { selector: 'span, a' }).closest('tr')!;

describe('Workloads view', () => {
  it('shows kind, ready against desired, conditions, images and details', async () => {
    stubEventSource();
    stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/workloads`]: () =>
        json({
          items: [
            workload({ name: 'web', ready: 3, desired: 4, details: { upToDate: 4, available: 3 } }),
            workload({
              kind: 'StatefulSet',
              name: 'db',
              ready: 2,
              desired: 2,
              conditions: [],
              images: ['postgres:16', 'busybox:1.36'],
              details: {},
            }),
            workload({
              kind: 'Deployment',
              name: 'stuck',
              ready: 0,
              desired: 2,
              conditions: [
                { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' },
                { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' },
              ],
            }),
            workload({
              kind: 'CronJob',
              name: 'nightly',
              ready: 0,
              desired: 0,
              conditions: [],
              details: { schedule: '0 3 * * *', suspended: 'no' },
            }),
          ],
        }),
    });
    renderApp(resourcesPage('workloads'));
    await screen.findByRole('table', { name: 'Workloads' });
    expect(screen.getByText('4 workloads')).toBeInTheDocument();

    const web = rowOf('web');
    expect(within(web).getByRole('img', { name: '3 of 4 replicas ready' })).toHaveAttribute(
      'data-state',
      'short',
    );
    expect(web).toHaveTextContent('3/4');
    expect(web).toHaveTextContent('4 up-to-date, 3 available');
    expect(within(web).getByRole('list', { name: 'Conditions' })).toHaveTextContent(
      'AvailableProgressing',
    );

    const db = rowOf('db');
    expect(within(db).getByRole('img', { name: '2 of 2 replicas ready' })).toHaveAttribute(
      'data-state',
      'full',
    );
    expect(db).toHaveTextContent('StatefulSet');
    expect(db).toHaveTextContent('postgres:16, busybox:1.36');

    const stuck = within(rowOf('stuck')).getByRole('list', { name: 'Conditions' });
    expect(within(stuck).getByText('Progressing: False')).toHaveAttribute(
      'title',
      'ProgressDeadlineExceeded',
    );
    expect(rowOf('nightly')).toHaveTextContent('0 3 * * *');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Filter by name' }), 'st');
    expect(screen.getByText('1 of 4 workloads')).toBeInTheDocument();
  });

  it('polls every 5 seconds and says so with the same live indicator as the watched views', async () => {
    stubEventSource();
    stubFetch(resourcesHandlers());
    renderApp(resourcesPage('workloads'));
    const live = await screen.findByRole('status', { name: 'Live updates' });
    expect(live).toHaveTextContent('Live · every 5 s');
    expect(live).toHaveAttribute('data-state', 'live');
  });
});
