import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RegistrationResult } from '@wheelhouse/contract';
import { json, problem, stubFetch, type StubRequest } from '../../../test/fetchStub.ts';
import { operatorSession, sources } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const result: RegistrationResult = {
  accountId: '111111111111',
  region: 'eu-west-1',
  name: 'onprem-lab',
  arn: 'arn:aws:eks:eu-west-1:111111111111:cluster/onprem-lab',
  status: 'PENDING',
  activationId: 'd6a4a1b2-0000-4000-8000-000000000001',
  activationCode: 'AbCdEf0123456789SecretCode',
  activationExpiry: new Date(Date.now() + 72 * 3600_000 + 5 * 60_000).toISOString(),
  provider: 'EKS_ANYWHERE',
  roleArn: 'arn:aws:iam::111111111111:role/AmazonEKSConnectorAgentRole',
  installCommands: [
    'helm install eks-connector --namespace eks-connector --create-namespace \\\n  oci://public.ecr.aws/eks-connector/eks-connector-chart \\\n  --set eks.activationCode=AbCdEf0123456789SecretCode',
    '# In the sandbox, simulate the agent connecting:\nnpm run sandbox -- connect onprem-lab',
  ],
  auditId: 31,
};

function stubRegister(answer: (request: StubRequest) => Response) {
  return stubFetch({
    'GET /api/session': () => json(operatorSession),
    'GET /api/sources': () => json(sources),
    'GET /api/clusters': () => json({ items: [], errors: [] }),
    'POST /api/connected-clusters': answer,
  });
}

const next = (user: UserEvent) => user.click(screen.getByRole('button', { name: 'Next' }));

async function fillCluster(user: UserEvent) {
  await screen.findByRole('option', { name: 'production (111111111111)' });
  await user.selectOptions(screen.getByLabelText('Account'), '111111111111');
  await user.selectOptions(screen.getByLabelText('Region'), 'eu-west-1');
  await user.type(screen.getByLabelText('Cluster name'), 'onprem-lab');
  await user.selectOptions(screen.getByLabelText('Provider'), 'EKS_ANYWHERE');
  await user.type(
    screen.getByLabelText('Connector IAM role ARN'),
    'arn:aws:iam::111111111111:role/AmazonEKSConnectorAgentRole',
  );
}

describe('RegisterClusterPage', () => {
  it('checks the fields before moving on', async () => {
    const seen = stubRegister(() => json(result, 201));
    const user = userEvent.setup();
    renderApp('/connected/register');
    await screen.findByRole('heading', { name: 'Step 1 of 3: Cluster' });
    await next(user);
    expect(screen.getByLabelText('Provider')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Connector IAM role ARN')).toHaveAttribute('aria-invalid', 'true');
    await user.type(screen.getByLabelText('Connector IAM role ARN'), 'arn:aws:iam::1:user/x');
    expect(screen.getByText('must be an IAM role ARN')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Step 1 of 3');
    expect(seen.some((request) => request.method === 'POST')).toBe(false);
  });

  it('shows the activation code once, with the exact install commands to copy', async () => {
    const seen = stubRegister(() => json(result, 201));
    const user = userEvent.setup();
    const app = renderApp('/connected/register');
    await fillCluster(user);
    await next(user);
    await screen.findByRole('heading', { name: 'Step 2 of 3: Tags' });
    await user.click(screen.getByRole('button', { name: 'Add tag' }));
    await user.type(screen.getByLabelText('Tag 1 key'), 'site');
    await user.type(screen.getByLabelText('Tag 1 value'), 'lab');
    await next(user);
    await screen.findByRole('heading', { name: 'Step 3 of 3: Review' });
    await user.click(screen.getByRole('button', { name: 'Register cluster' }));

    const heading = await screen.findByRole('heading', { name: 'Cluster onprem-lab registered' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(seen.find((request) => request.method === 'POST')?.body).toEqual({
      accountId: '111111111111',
      region: 'eu-west-1',
      name: 'onprem-lab',
      provider: 'EKS_ANYWHERE',
      roleArn: 'arn:aws:iam::111111111111:role/AmazonEKSConnectorAgentRole',
      tags: { site: 'lab' },
      clientRequestToken: expect.stringMatching(UUID),
    });

    expect(screen.getByRole('note', { name: 'Shown only once' })).toHaveTextContent(
      'This activation code is shown only once.',
    );
    const details = screen.getByLabelText('Activation');
    expect(details).toHaveTextContent('d6a4a1b2-0000-4000-8000-000000000001');
    expect(details).toHaveTextContent('AbCdEf0123456789SecretCode');
    expect(details).toHaveTextContent('expires in 3 d');
    for (const name of [
      'Copy activation ID',
      'Copy activation code',
      'Copy command 1',
      'Copy command 2',
      'Copy all commands',
    ]) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
    const commands = within(screen.getByRole('list', { name: 'Install commands' }))
      .getAllByRole('listitem')
      .map((item) => item.querySelector('code')?.textContent);
    expect(commands).toEqual(result.installCommands);
    expect(screen.getByRole('link', { name: 'Open cluster onprem-lab' })).toHaveAttribute(
      'href',
      '/clusters/111111111111/eu-west-1/onprem-lab',
    );

    // Gone once the user leaves: coming back starts a new registration.
    await user.click(screen.getByRole('link', { name: 'Back to connected clusters' }));
    await screen.findByRole('heading', { level: 1, name: 'Connected clusters' });
    await app.router.navigate('/connected/register');
    await screen.findByRole('heading', { name: 'Step 1 of 3: Cluster' });
    expect(screen.queryByText('AbCdEf0123456789SecretCode')).not.toBeInTheDocument();
  });

  it('shows EKS’s refusal as written and keeps the values', async () => {
    stubRegister(() =>
      problem(409, 'Conflict', 'Cluster already exists with name: onprem-lab', {
        awsCode: 'ResourceInUseException',
      }),
    );
    const user = userEvent.setup();
    renderApp('/connected/register');
    await fillCluster(user);
    await next(user);
    await next(user);
    await user.click(await screen.findByRole('button', { name: 'Register cluster' }));
    expect(await screen.findByRole('alert', { name: 'AWS refused the change' })).toHaveTextContent(
      'ResourceInUseException: Cluster already exists with name: onprem-lab',
    );
    await user.click(screen.getByRole('button', { name: 'Go to step 1: Cluster' }));
    expect(screen.getByLabelText('Cluster name')).toHaveValue('onprem-lab');
  });
});
