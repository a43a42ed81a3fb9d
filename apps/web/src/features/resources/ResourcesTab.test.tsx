import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubEventSource } from '../../test/eventSourceStub.ts';
import { json, problem, stubFetch } from '../../test/fetchStub.ts';
import { clusterDetail } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import {
  CLUSTER_API,
  CLUSTER_PAGE,
  K8S_API,
  resourcesHandlers,
  resourcesPage,
  workload,
} from '../../test/workloadFixtures.ts';

const CREATE_ENTRY =
  'aws eks create-access-entry --cluster-name prod-web --region eu-west-1 --principal-arn arn:aws:iam::111111111111:role/wheelhouse';
const ASSOCIATE_POLICY =
  'aws eks associate-access-policy --cluster-name prod-web --region eu-west-1 --principal-arn arn:aws:iam::111111111111:role/wheelhouse --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=cluster';

const noAccess = () =>
  problem(
    403,
    'No Kubernetes access',
    "The console's IAM identity has no access entry on this cluster (Kubernetes answered 401 Unauthorized: Unauthorized).",
    { remedy: [CREATE_ENTRY, ASSOCIATE_POLICY] },
  );

describe('Resources tab', () => {
  it('is a tab of EKS clusters and of connected clusters once ACTIVE', async () => {
    stubEventSource();
    stubFetch(resourcesHandlers());
    const eks = renderApp(CLUSTER_PAGE);
    expect(await screen.findByRole('tab', { name: 'Resources' })).toBeInTheDocument();
    eks.unmount();

    stubFetch({
      ...resourcesHandlers(),
      [`GET ${CLUSTER_API}`]: () =>
        json(clusterDetail({ connected: true, status: 'ACTIVE', provider: 'GKE' })),
    });
    const active = renderApp(CLUSTER_PAGE);
    expect(await screen.findByRole('tab', { name: 'Resources' })).toBeInTheDocument();
    active.unmount();

    stubFetch({
      ...resourcesHandlers(),
      [`GET ${CLUSTER_API}`]: () =>
        json(clusterDetail({ connected: true, status: 'PENDING', provider: 'GKE' })),
    });
    renderApp(CLUSTER_PAGE);
    await screen.findByRole('tab', { name: 'Overview' });
    expect(screen.queryByRole('tab', { name: 'Resources' })).not.toBeInTheDocument();
  });

  it('explains a missing access entry and gives the commands that create it', async () => {
    stubEventSource();
    stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/namespaces`]: noAccess,
      [`GET ${K8S_API}/workloads`]: noAccess,
    });
    renderApp(resourcesPage('workloads'));
    await screen.findByRole('tab', { name: 'Resources', selected: true });
    // Once the namespaces say so, the whole tab is the explanation, not a blank table.
    await screen.findAllByRole('region', { name: 'No Kubernetes access' });
    await waitFor(() =>
      expect(screen.queryByRole('tab', { name: 'Pods' })).not.toBeInTheDocument(),
    );
    const panel = screen.getByRole('region', { name: 'No Kubernetes access' });
    expect(panel).toHaveTextContent('has no access entry on this cluster');
    expect(within(panel).getByLabelText('Command 1')).toHaveTextContent(CREATE_ENTRY);
    expect(within(panel).getByLabelText('Command 2')).toHaveTextContent(ASSOCIATE_POLICY);
    expect(within(panel).getByRole('button', { name: 'Copy command 1' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Copy all commands' })).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Check again' })).toBeInTheDocument();
  });

  it('says when the cluster is not ACTIVE yet', async () => {
    stubEventSource();
    const notActive = () =>
      problem(
        409,
        'Conflict',
        'The cluster is CREATING; its Kubernetes API answers once it is ACTIVE.',
      );
    stubFetch({
      ...resourcesHandlers(),
      [`GET ${CLUSTER_API}`]: () => json(clusterDetail({ status: 'CREATING' })),
      [`GET ${K8S_API}/namespaces`]: notActive,
      [`GET ${K8S_API}/workloads`]: notActive,
    });
    renderApp(resourcesPage('workloads'));
    const panel = await screen.findByRole('region', { name: 'Kubernetes API not available yet' });
    expect(panel).toHaveTextContent('answers once it is ACTIVE');
  });

  it('keeps the sub-view and the namespace in the URL', async () => {
    stubEventSource();
    const seen = stubFetch({
      ...resourcesHandlers(),
      [`GET ${K8S_API}/workloads`]: () => json({ items: [workload()] }),
    });
    const app = renderApp(resourcesPage('workloads', '&ns=kube-system'));
    const picker = await screen.findByRole('combobox', { name: 'Namespace' });
    await waitFor(() => expect(picker).toHaveValue('kube-system'));
    const workloadRequests = () =>
      seen
        .filter((r) => r.path === `${K8S_API}/workloads`)
        .map((r) => r.url.searchParams.get('namespace'));
    expect(workloadRequests()).toContain('kube-system');

    await userEvent.selectOptions(picker, 'shop');
    expect(new URLSearchParams(app.location().search).get('ns')).toBe('shop');
    await waitFor(() => expect(workloadRequests()).toContain('shop'));

    await userEvent.selectOptions(picker, '');
    expect(new URLSearchParams(app.location().search).has('ns')).toBe(false);
    await waitFor(() => expect(workloadRequests()).toContain(null));

    await userEvent.click(screen.getByRole('tab', { name: 'Services' }));
    const search = new URLSearchParams(app.location().search);
    expect(search.get('tab')).toBe('resources');
    expect(search.get('view')).toBe('services');
    expect(screen.getByRole('tab', { name: 'Services', selected: true })).toBeInTheDocument();
  });
});
