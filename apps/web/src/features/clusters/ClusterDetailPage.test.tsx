import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ClusterDetail } from '@wheelhouse/contract';
import { json, problem, stubFetch } from '../../test/fetchStub.ts';
import { clusterDetail, operatorSession } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const PATH = '/clusters/111111111111/eu-west-1/prod-web';

function stubCluster(detail: ClusterDetail | (() => Response)) {
  return stubFetch({
    'GET /api/session': () => json(operatorSession),
    'GET /api/clusters/111111111111/eu-west-1/prod-web': () =>
      typeof detail === 'function' ? detail() : json(detail),
  });
}

const panel = () => screen.getByRole('tabpanel');

describe('ClusterDetailPage', () => {
  it('heads the page with name, status, version support, account, region and ARN', async () => {
    stubCluster(
      clusterDetail({
        versionSupport: {
          status: 'EXTENDED_SUPPORT',
          endOfExtendedSupport: '2027-03-23T00:00:00.000Z',
        },
      }),
    );
    renderApp(PATH);
    const header = await screen.findByRole('region', { name: 'Cluster summary' });
    const heading = screen.getByRole('heading', { level: 1, name: 'prod-web' });
    expect(heading.parentElement).toHaveTextContent('Active');
    expect(header).toHaveTextContent('1.31');
    expect(header).toHaveTextContent('extended');
    expect(header).toHaveTextContent('until 2027-03-23');
    expect(header).toHaveTextContent('production (111111111111)');
    expect(header).toHaveTextContent('eu-west-1');
    expect(header).toHaveTextContent('arn:aws:eks:eu-west-1:111111111111:cluster/prod-web');
    expect(within(header).getByRole('button', { name: 'Copy ARN' })).toBeInTheDocument();
  });

  it('shows the overview with endpoint, role and health issues', async () => {
    stubCluster(
      clusterDetail({
        health: [
          {
            code: 'SUBNET_NOT_FOUND',
            message: 'We could not find one or more subnets.',
            resourceIds: ['subnet-0aaa1111'],
          },
        ],
      }),
    );
    renderApp(PATH);
    await screen.findByRole('tab', { name: 'Overview', selected: true });
    expect(panel()).toHaveTextContent('https://ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com');
    expect(panel()).toHaveTextContent('arn:aws:iam::111111111111:role/eks-cluster-role');
    expect(panel()).toHaveTextContent('eks.12');
    const issues = within(panel()).getByRole('list', { name: 'Health issues' });
    expect(issues).toHaveTextContent('SUBNET_NOT_FOUND');
    expect(issues).toHaveTextContent('We could not find one or more subnets.');
  });

  it('opens the tab named in ?tab= and keeps the chosen tab in the URL', async () => {
    stubCluster(clusterDetail());
    const user = userEvent.setup();
    const app = renderApp(`${PATH}?tab=networking`);
    await screen.findByRole('tab', { name: 'Networking', selected: true });
    for (const text of [
      'vpc-0a1b2c3d',
      'subnet-0aaa1111',
      'subnet-0bbb2222',
      'sg-0ccc3333',
      'sg-0ddd4444',
      '203.0.113.0/24',
      '10.100.0.0/16',
      'ipv4',
    ]) {
      expect(panel()).toHaveTextContent(text);
    }

    await user.click(screen.getByRole('tab', { name: 'Logging' }));
    await waitFor(() => expect(app.location().search).toBe('?tab=logging'));
    const logs = within(panel()).getByRole('table', { name: 'Control plane log types' });
    const status = (type: string) =>
      within(
        within(logs)
          .getByRole('rowheader', { name: new RegExp(type) })
          .closest('tr')!,
      ).getByRole('cell').textContent;
    expect(status('API server')).toBe('On');
    expect(status('Audit')).toBe('On');
    expect(status('Authenticator')).toBe('Off');
    expect(status('Controller manager')).toBe('Off');
    expect(status('Scheduler')).toBe('Off');
  });

  it('shows encryption, identity and tags', async () => {
    stubCluster(clusterDetail());
    const user = userEvent.setup();
    renderApp(PATH);
    await user.click(await screen.findByRole('tab', { name: 'Encryption' }));
    expect(panel()).toHaveTextContent(
      'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    );
    await user.click(screen.getByRole('tab', { name: 'Identity' }));
    expect(panel()).toHaveTextContent(
      'https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789',
    );
    expect(panel()).toHaveTextContent('API_AND_CONFIG_MAP');
    await user.click(screen.getByRole('tab', { name: 'Tags' }));
    const tags = within(panel()).getByRole('table', { name: 'Tags' });
    expect(
      within(tags)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['KeyValue', 'envprod', 'teamweb']);
  });

  it('says "not encrypted" when secrets have no KMS key', async () => {
    stubCluster(clusterDetail({ encryption: [], secretsEncryption: false }));
    renderApp(`${PATH}?tab=encryption`);
    await screen.findByRole('tab', { name: 'Encryption', selected: true });
    expect(panel()).toHaveTextContent(/not encrypted/i);
  });

  it('shapes the page of a connected cluster waiting for its agent: connector, install command, no EKS-only fields', async () => {
    stubCluster(
      clusterDetail({
        connected: true,
        status: 'PENDING',
        version: undefined,
        platformVersion: undefined,
        supportType: undefined,
        roleArn: undefined,
        provider: 'AKS',
        connector: {
          activationId: 'd6a4a1b2-0000-4000-8000-000000000001',
          activationExpiry: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          provider: 'AKS',
          roleArn: 'arn:aws:iam::111111111111:role/eks-connector-agent',
        },
        health: [],
      }),
    );
    renderApp(PATH);
    await screen.findByRole('tab', { name: 'Overview', selected: true });
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Overview', 'Tags']);
    const overview = panel();
    const connection = within(overview).getByRole('region', { name: 'Connection' });
    expect(connection).toHaveTextContent('AKS');
    expect(connection).toHaveTextContent('Waiting for the agent to connect');
    expect(connection).toHaveTextContent('d6a4a1b2-0000-4000-8000-000000000001');
    expect(connection).toHaveTextContent(/expires in 2 d|expires in 1 d 23 h/);
    expect(connection).toHaveTextContent('arn:aws:iam::111111111111:role/eks-connector-agent');
    for (const eksOnly of [
      'Platform version',
      'Upgrade policy',
      'Cluster IAM role',
      'Endpoint access',
    ]) {
      expect(overview).not.toHaveTextContent(eksOnly);
    }
    expect(overview).not.toHaveTextContent('No health issues reported by EKS');
    const install = within(overview).getByRole('list', { name: 'Install commands' });
    expect(install).toHaveTextContent('helm install eks-connector');
    expect(install).toHaveTextContent('eks.activationId=d6a4a1b2-0000-4000-8000-000000000001');
    expect(install).toHaveTextContent('eks.agentRegion=eu-west-1');
    // The code itself is never shown again.
    expect(install).toHaveTextContent('eks.activationCode=<activation code shown at registration>');
  });

  it('shows a connected cluster whose agent connected with its version, health and Kubernetes views', async () => {
    stubCluster(
      clusterDetail({
        connected: true,
        status: 'ACTIVE',
        version: '1.31',
        provider: 'AKS',
        connector: {
          activationId: 'd6a4a1b2-0000-4000-8000-000000000001',
          activationExpiry: '2024-05-04T10:00:00.000Z',
          provider: 'AKS',
          roleArn: 'arn:aws:iam::111111111111:role/eks-connector-agent',
        },
        health: [],
      }),
    );
    renderApp(PATH);
    await screen.findByRole('tab', { name: 'Overview', selected: true });
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Overview',
      'Resources',
      'Metrics',
      'Tags',
    ]);
    const overview = panel();
    expect(overview).toHaveTextContent('Agent connected');
    expect(overview).toHaveTextContent('Kubernetes version1.31');
    // A lapsed activation no longer matters once the agent is in.
    expect(overview).not.toHaveTextContent('Activation expiry');
    expect(
      within(overview).queryByRole('list', { name: 'Install commands' }),
    ).not.toBeInTheDocument();
    expect(overview).toHaveTextContent('No health issues reported by EKS');
  });

  it('says when the activation of a waiting connected cluster has expired', async () => {
    stubCluster(
      clusterDetail({
        connected: true,
        status: 'PENDING',
        version: undefined,
        provider: 'EKS_ANYWHERE',
        connector: {
          activationId: 'd6a4a1b2-0000-4000-8000-000000000001',
          activationExpiry: '2024-05-04T10:00:00.000Z',
          provider: 'EKS_ANYWHERE',
        },
      }),
    );
    renderApp(PATH);
    const banner = await screen.findByRole('alert', { name: 'The activation has expired' });
    expect(banner).toHaveTextContent('Deregister the cluster and register it again');
    expect(panel()).toHaveTextContent('EKS Anywhere');
    expect(panel()).toHaveTextContent('2024-05-04 10:00 UTC');
    expect(
      within(panel()).queryByRole('list', { name: 'Install commands' }),
    ).not.toBeInTheDocument();
  });

  it('shows a clear not-found state with a way back', async () => {
    stubCluster(() => problem(404, 'Not found', 'No cluster named prod-web.'));
    renderApp(PATH);
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Cluster not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'prod-web' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to clusters' })).toHaveAttribute(
      'href',
      '/clusters',
    );
  });

  it('explains a 403 with the AWS message and does not offer a retry', async () => {
    stubCluster(() =>
      problem(403, 'Forbidden', 'User is not authorized to perform: eks:DescribeCluster', {
        awsCode: 'AccessDeniedException',
      }),
    );
    renderApp(PATH);
    const alert = await screen.findByRole('alert', { name: 'You may not view this cluster' });
    expect(alert).toHaveTextContent('User is not authorized to perform: eks:DescribeCluster');
    expect(alert).toHaveTextContent('AccessDeniedException');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });
});
