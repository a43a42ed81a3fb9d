import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { auditorSession } from '../../../test/dashboardFixtures.ts';
import { stubEventSource } from '../../../test/eventSourceStub.ts';
import { json, problem, stubFetch } from '../../../test/fetchStub.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import {
  K8S_API,
  node,
  resourcesHandlers,
  resourcesPage,
  workload,
} from '../../../test/workloadFixtures.ts';

const budget = {
  namespace: 'payments',
  name: 'web',
  disruptionsAllowed: 1,
  currentHealthy: 4,
  desiredHealthy: 3,
  affectedPods: 2,
  violated: true,
};

describe('workload and node actions', () => {
  it('asks the cluster first: a refused action is disabled with its reason, asked once per namespace', async () => {
    stubEventSource();
    const seen = stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/workloads`]: () =>
        json({
          items: [
            workload({ name: 'web', namespace: 'payments', ready: 4, desired: 4 }),
            workload({ name: 'api', namespace: 'payments', ready: 2, desired: 2 }),
          ],
        }),
      [`GET ${K8S_API}/access-review`]: (request) => {
        const query = Object.fromEntries(request.url.searchParams);
        const refused = query.resource === 'deployments' && query.subresource === 'scale';
        return json({
          allowed: !refused,
          verb: query.verb,
          resource: query.subresource ? `${query.resource}/${query.subresource}` : query.resource,
          namespace: query.namespace,
          ...(refused
            ? {
                reason:
                  'your groups (platform-operators) may not patch deployments/scale in payments',
              }
            : {}),
        });
      },
    });
    renderApp(resourcesPage('workloads'));
    const scale = await screen.findByRole('button', { name: 'Scale Deployment payments/web' });
    await expect.poll(() => scale.hasAttribute('disabled')).toBe(true);
    expect(scale).toHaveAccessibleDescription(
      'Your groups (platform-operators) may not patch deployments/scale in payments.',
    );
    expect(screen.getByRole('button', { name: 'Restart Deployment payments/web' })).toBeEnabled();
    // Two rows in one namespace share one set of reviews.
    const reviews = seen.filter((r) => r.path.endsWith('/access-review'));
    const scaleReviews = reviews.filter(
      (r) =>
        r.url.searchParams.get('subresource') === 'scale' &&
        r.url.searchParams.get('resource') === 'deployments',
    );
    expect(scaleReviews).toHaveLength(1);
    expect(scaleReviews[0]!.url.searchParams.get('namespace')).toBe('payments');
  });

  it('scales a deployment down after showing the budget the scale down would violate', async () => {
    stubEventSource();
    const seen = stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/workloads`]: () =>
        json({ items: [workload({ name: 'web', namespace: 'payments', ready: 4, desired: 4 })] }),
      [`GET ${K8S_API}/workloads/deployments/payments/web/scale/preview`]: () =>
        json({ pods: 2, budgets: [budget] }),
      [`POST ${K8S_API}/workloads/deployments/payments/web/scale`]: () =>
        json({
          auditId: 7,
          message: 'Deployment payments/web scaled to 2.',
          identity: { as: 'console' },
        }),
    });
    renderApp(resourcesPage('workloads'));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scale Deployment payments/web' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Scale web' });
    const field = within(dialog).getByLabelText('Replicas');
    await userEvent.clear(field);
    await userEvent.type(field, '2');
    expect(
      await within(dialog).findByText(
        /would be violated: 2 of its pods affected, 1 disruptions allowed/,
      ),
    ).toBeInTheDocument();
    expect(
      seen.find((r) => r.path.endsWith('/scale/preview'))?.url.searchParams.get('replicas'),
    ).toBe('2');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Scale' }));
    expect(await screen.findByText('Deployment payments/web scaled to 2.')).toBeInTheDocument();
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ replicas: 2 });
  });

  it("shows the API server's refusal inside the dialog when an HPA owns the replicas", async () => {
    stubEventSource();
    stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/workloads`]: () =>
        json({ items: [workload({ name: 'web', namespace: 'payments', ready: 4, desired: 4 })] }),
      [`POST ${K8S_API}/workloads/deployments/payments/web/scale`]: () =>
        problem(
          409,
          'Conflict',
          'The HorizontalPodAutoscaler web owns the replicas of Deployment payments/web',
        ),
    });
    renderApp(resourcesPage('workloads'));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scale Deployment payments/web' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Scale web' });
    await userEvent.type(within(dialog).getByLabelText('Replicas'), '0');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Scale' }));
    expect(
      await within(dialog).findByText(/HorizontalPodAutoscaler web owns the replicas/),
    ).toBeInTheDocument();
  });

  it('sends the checked replica count and puts a 400 about it on the Replicas field', async () => {
    stubEventSource();
    const seen = stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/workloads`]: () =>
        json({ items: [workload({ name: 'web', namespace: 'payments', ready: 4, desired: 4 })] }),
      [`POST ${K8S_API}/workloads/deployments/payments/web/scale`]: () =>
        problem(400, 'Bad Request', 'The request has invalid fields.', {
          errors: [{ field: 'replicas', message: 'exceeds the quota of namespace payments' }],
        }),
    });
    renderApp(resourcesPage('workloads'));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scale Deployment payments/web' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Scale web' });
    const field = within(dialog).getByLabelText('Replicas');
    await userEvent.clear(field);
    await userEvent.type(field, ' 9');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Scale' }));

    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/exceeds the quota of namespace payments/);
    expect(field).toHaveValue(' 9');
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([{ replicas: 9 }]);
  });

  it('drains a node and reports the pod a budget kept, per pod', async () => {
    stubEventSource();
    stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/nodes`]: () => json({ items: [node({ name: 'ip-10-0-1-5.ec2.internal' })] }),
      [`GET ${K8S_API}/nodes/ip-10-0-1-5.ec2.internal/drain/preview`]: () =>
        json({ pods: 3, budgets: [{ ...budget, affectedPods: 2 }] }),
      [`POST ${K8S_API}/nodes/ip-10-0-1-5.ec2.internal/drain`]: () =>
        json({
          auditId: 9,
          identity: { as: 'console' },
          message: 'Node ip-10-0-1-5.ec2.internal cordoned; 2 pods evicted, 1 not (see each pod).',
          pods: [
            { namespace: 'payments', name: 'web-a', outcome: 'evicted' },
            {
              namespace: 'payments',
              name: 'web-b',
              outcome: 'blocked',
              message: "Cannot evict pod as it would violate the pod's disruption budget.",
            },
          ],
        }),
    });
    renderApp(resourcesPage('nodes'));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Drain ip-10-0-1-5.ec2.internal' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Drain ip-10-0-1-5.ec2.internal?' });
    expect(await within(dialog).findByText('3 pods would be evicted.')).toBeInTheDocument();
    expect(within(dialog).getByText(/would be violated/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Drain' }));
    const pods = await within(dialog).findByRole('list', { name: 'Pods of the drain' });
    expect(within(pods).getByText(/blocked — Cannot evict pod/)).toBeInTheDocument();
  });

  it('offers auditors no actions', async () => {
    stubEventSource();
    stubFetch({
      ...resourcesHandlers(auditorSession),
      [`GET ${K8S_API}/workloads`]: () =>
        json({ items: [workload({ name: 'web', namespace: 'payments', ready: 4, desired: 4 })] }),
    });
    renderApp(resourcesPage('workloads'));
    await screen.findByRole('table', { name: 'Workloads' });
    expect(screen.queryByRole('button', { name: /Restart|Scale/ })).not.toBeInTheDocument();
  });
});
