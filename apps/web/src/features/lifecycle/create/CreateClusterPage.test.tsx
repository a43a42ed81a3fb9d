import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KubernetesVersionOption } from '@wheelhouse/contract';
import { json, problem, stubFetch, type StubRequest } from '../../../test/fetchStub.ts';
import { auditorSession } from '../../../test/dashboardFixtures.ts';
import { clusterDetail, clusterSummary, operatorSession, sources } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const versions: KubernetesVersionOption[] = [
  {
    version: '1.33',
    status: 'STANDARD_SUPPORT',
    isDefault: false,
    endOfStandardSupport: '2026-07-29T00:00:00.000Z',
  },
  {
    version: '1.32',
    status: 'STANDARD_SUPPORT',
    isDefault: true,
    endOfStandardSupport: '2026-03-23T00:00:00.000Z',
  },
  { version: '1.28', status: 'UNSUPPORTED', isDefault: false },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function stubWizard(create: (request: StubRequest) => Response) {
  return stubFetch({
    'GET /api/session': () => json(operatorSession),
    'GET /api/sources': () => json(sources),
    'GET /api/versions': () => json(versions),
    'POST /api/clusters': create,
    'GET /api/clusters/222222222222/us-east-1/new-cluster': () =>
      json(
        clusterDetail({
          accountId: '222222222222',
          region: 'us-east-1',
          name: 'new-cluster',
          status: 'CREATING',
        }),
      ),
  });
}

const heading = (text: RegExp) => screen.findByRole('heading', { level: 2, name: text });
const next = (user: UserEvent) => user.click(screen.getByRole('button', { name: 'Next' }));
const errorOf = (control: HTMLElement) =>
  document.getElementById(control.getAttribute('aria-describedby')?.split(' ')[0] ?? '')
    ?.textContent;

async function fillGeneral(user: UserEvent) {
  await screen.findByRole('option', { name: 'staging (222222222222)' });
  await user.selectOptions(screen.getByLabelText('Account'), '222222222222');
  await user.selectOptions(screen.getByLabelText('Region'), 'us-east-1');
  await user.type(screen.getByLabelText('Cluster name'), 'new-cluster');
  await waitFor(() => expect(screen.getByLabelText('Kubernetes version')).toBeEnabled());
}

async function fillAccess(user: UserEvent) {
  await user.type(
    screen.getByLabelText('Cluster IAM role ARN'),
    'arn:aws:iam::222222222222:role/eks-cluster',
  );
  await user.type(screen.getByLabelText('Subnet IDs'), 'subnet-0aaa1111, subnet-0bbb2222');
  await user.click(screen.getByRole('radio', { name: /^Public and private/ }));
  await user.click(screen.getByRole('button', { name: 'Add CIDR block' }));
  await user.type(screen.getByLabelText('CIDR block 1'), '203.0.113.0/24');
}

describe('CreateClusterPage', () => {
  it('checks each step with the contract before moving on', async () => {
    const seen = stubWizard(() => json({ auditId: 1 }, 202));
    const user = userEvent.setup();
    renderApp('/clusters/new');
    await heading(/Step 1 of 6: General/);

    await next(user);
    const account = screen.getByLabelText('Account');
    expect(account).toHaveAttribute('aria-invalid', 'true');
    expect(account).toHaveFocus();
    expect(errorOf(account)).toBe('is required');
    expect(errorOf(screen.getByLabelText('Cluster name'))).toBe('is required');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Step 1 of 6');

    await user.selectOptions(account, '222222222222');
    await user.selectOptions(screen.getByLabelText('Region'), 'us-east-1');
    await user.type(screen.getByLabelText('Cluster name'), '-bad');
    expect(errorOf(account)).toBeUndefined();
    expect(errorOf(screen.getByLabelText('Cluster name'))).toMatch(
      /must start with a letter or digit/,
    );
    // The region's default version is proposed; unsupported ones cannot be picked.
    const version = screen.getByLabelText('Kubernetes version');
    await waitFor(() => expect(version).toHaveValue('1.32'));
    expect(within(version).getByRole('option', { name: /^1\.28/ })).toBeDisabled();
    expect(within(version).getByRole('option', { name: /^1\.33/ })).toHaveTextContent(
      '1.33 · standard support until 2026-07-29',
    );

    await user.clear(screen.getByLabelText('Cluster name'));
    await user.type(screen.getByLabelText('Cluster name'), 'new-cluster');
    await next(user);
    await heading(/Step 2 of 6: Access & networking/);

    await user.type(screen.getByLabelText('Subnet IDs'), 'subnet-0aaa1111');
    await next(user);
    expect(errorOf(screen.getByLabelText('Subnet IDs'))).toBe(
      'needs subnets in at least two Availability Zones',
    );
    expect(errorOf(screen.getByLabelText('Cluster IAM role ARN'))).toBe('is required');
    await user.type(screen.getByLabelText('Subnet IDs'), ' subnet-XYZ');
    expect(errorOf(screen.getByLabelText('Subnet IDs'))).toBe('subnet-XYZ: must be a subnet id');
    await user.click(screen.getByRole('button', { name: 'Add CIDR block' }));
    await user.type(screen.getByLabelText('CIDR block 1'), '203.0.113.0');
    await next(user);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Step 2 of 6');
    expect(screen.getByText(/must be an IPv4 CIDR block/)).toBeInTheDocument();
    expect(seen.some((request) => request.method === 'POST')).toBe(false);
  });

  it('sends every value with a clientRequestToken, then opens the new cluster', async () => {
    const seen = stubWizard(() => json({ auditId: 7 }, 202));
    const user = userEvent.setup();
    const app = renderApp('/clusters/new');
    await fillGeneral(user);
    await user.selectOptions(screen.getByLabelText('Kubernetes version'), '1.33');
    await next(user);
    await heading(/Access & networking/);
    await fillAccess(user);
    await next(user);
    await heading(/Logging/);
    await user.click(screen.getByRole('checkbox', { name: /API server/ }));
    await user.click(screen.getByRole('checkbox', { name: /Audit/ }));
    await next(user);
    await heading(/Encryption/);
    await user.type(
      screen.getByLabelText('KMS key ARN for secrets (optional)'),
      'arn:aws:kms:us-east-1:222222222222:key/abcd',
    );
    await next(user);
    await heading(/Tags/);
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByLabelText('Tag 1 key'), 'team');
    await user.type(screen.getByLabelText('Tag 1 value'), 'platform');
    await next(user);
    await heading(/Review/);
    expect(screen.getByRole('region', { name: 'General' })).toHaveTextContent(
      'staging (222222222222)',
    );
    await user.click(screen.getByRole('button', { name: 'Create cluster' }));

    await screen.findByRole('heading', { level: 1, name: 'new-cluster' });
    expect(app.location().pathname).toBe('/clusters/222222222222/us-east-1/new-cluster');
    expect((await screen.findAllByText('Creating')).length).toBeGreaterThan(0);
    const sent = seen.find((request) => request.method === 'POST');
    expect(sent?.body).toEqual({
      accountId: '222222222222',
      region: 'us-east-1',
      name: 'new-cluster',
      version: '1.33',
      roleArn: 'arn:aws:iam::222222222222:role/eks-cluster',
      subnetIds: ['subnet-0aaa1111', 'subnet-0bbb2222'],
      securityGroupIds: [],
      endpoint: {
        endpointPublicAccess: true,
        endpointPrivateAccess: true,
        publicAccessCidrs: ['203.0.113.0/24'],
      },
      logTypes: ['api', 'audit'],
      secretsKmsKeyArn: 'arn:aws:kms:us-east-1:222222222222:key/abcd',
      tags: { team: 'platform' },
      clientRequestToken: expect.stringMatching(UUID),
    });
    expect(sent?.headers.get('x-csrf-token')).toBe(operatorSession.csrfToken);
  });

  it('shows EKS’s refusal as EKS wrote it, keeps every value and retries with the same token', async () => {
    const seen = stubWizard(() =>
      problem(400, 'Bad Request', 'Subnets specified must be in at least two different AZs', {
        awsCode: 'InvalidParameterException',
        requestId: 'req-42',
      }),
    );
    const user = userEvent.setup();
    renderApp('/clusters/new');
    await fillGeneral(user);
    await next(user);
    await heading(/Access & networking/);
    await fillAccess(user);
    for (const step of [/Logging/, /Encryption/, /Tags/, /Review/]) {
      await next(user);
      await heading(step);
    }
    await user.click(screen.getByRole('button', { name: 'Create cluster' }));

    const alert = await screen.findByRole('alert', { name: 'AWS refused the change' });
    expect(alert).toHaveTextContent(
      'InvalidParameterException: Subnets specified must be in at least two different AZs',
    );
    expect(alert).toHaveTextContent('req-42');

    await user.click(screen.getByRole('button', { name: 'Edit Access & networking' }));
    expect(screen.getByLabelText('Subnet IDs')).toHaveValue('subnet-0aaa1111, subnet-0bbb2222');
    expect(screen.getByLabelText('CIDR block 1')).toHaveValue('203.0.113.0/24');
    await user.click(screen.getByRole('button', { name: 'Go to step 6: Review' }));
    await user.click(screen.getByRole('button', { name: 'Create cluster' }));
    await waitFor(() =>
      expect(seen.filter((request) => request.method === 'POST')).toHaveLength(2),
    );
    const [first, second] = seen.filter((request) => request.method === 'POST');
    expect((second?.body as { clientRequestToken: string }).clientRequestToken).toBe(
      (first?.body as { clientRequestToken: string }).clientRequestToken,
    );
  });

  it('takes the user to the step of a field the BFF refused, with the message on it', async () => {
    stubWizard(() =>
      problem(400, 'Bad Request', 'The request has invalid fields', {
        errors: [{ field: 'subnetIds.1', message: 'is not a subnet of this account' }],
      }),
    );
    const user = userEvent.setup();
    renderApp('/clusters/new');
    await fillGeneral(user);
    await next(user);
    await heading(/Access & networking/);
    await fillAccess(user);
    for (const step of [/Logging/, /Encryption/, /Tags/, /Review/]) {
      await next(user);
      await heading(step);
    }
    await user.click(screen.getByRole('button', { name: 'Create cluster' }));

    await heading(/Step 2 of 6: Access & networking/);
    const subnets = screen.getByLabelText('Subnet IDs');
    await waitFor(() => expect(subnets).toHaveFocus());
    expect(subnets).toHaveValue('subnet-0aaa1111, subnet-0bbb2222');
    expect(errorOf(subnets)).toBe('subnet-0bbb2222: is not a subnet of this account');
  });

  it('offers cluster creation to operators only', async () => {
    stubFetch({
      'GET /api/session': () => json(auditorSession),
      'GET /api/sources': () => json(sources),
      'GET /api/clusters': () => json({ items: [clusterSummary()], errors: [] }),
    });
    renderApp('/clusters');
    await screen.findByRole('link', { name: 'prod-web' });
    expect(screen.queryByRole('link', { name: 'Create cluster' })).not.toBeInTheDocument();
  });

  it('tells an auditor who opens the address that the role cannot create clusters', async () => {
    stubFetch({
      'GET /api/session': () => json(auditorSession),
      'GET /api/sources': () => json(sources),
    });
    renderApp('/clusters/new');
    await screen.findByRole('heading', { name: 'Your role cannot create clusters' });
    expect(screen.queryByRole('form', { name: 'Create cluster' })).not.toBeInTheDocument();
  });

  it('links to the wizard from the clusters page for operators', async () => {
    stubFetch({
      'GET /api/session': () => json(operatorSession),
      'GET /api/sources': () => json(sources),
      'GET /api/clusters': () => json({ items: [clusterSummary()], errors: [] }),
    });
    const user = userEvent.setup();
    const app = renderApp('/clusters');
    await user.click(await screen.findByRole('link', { name: 'Create cluster' }));
    await screen.findByRole('heading', { level: 1, name: 'Create cluster' });
    expect(app.location().pathname).toBe('/clusters/new');
  });
});
