import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ClusterRef } from '@wheelhouse/contract';
import { createQueryClient } from '../../api/queryClient.ts';
import { json, problem, stubFetch } from '../../test/fetchStub.ts';
import { AssociatePolicyDialog, CreateAccessEntryDialog } from './AccessEntryDialogs.tsx';
import { CreatePodIdentityDialog } from './IdentityDialogs.tsx';

const ref: ClusterRef = { accountId: '111122223333', region: 'eu-west-1', name: 'prod' };
const API = '/api/clusters/111122223333/eu-west-1/prod';
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const VIEW = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy';
const EDIT = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy';

const refused = (field: string, message: string) =>
  problem(400, 'Bad Request', 'The request has invalid fields.', {
    errors: [{ field, message }],
  });

function show(dialog: React.ReactNode) {
  const queryClient = createQueryClient({ queries: { retry: false } });
  render(<QueryClientProvider client={queryClient}>{dialog}</QueryClientProvider>);
}

describe('access dialogs', () => {
  it('sends the checked entry (trimmed, groups as a list, a token) and puts a 400 on the groups field', async () => {
    const seen = stubFetch({
      [`POST ${API}/access-entries`]: () =>
        refused('kubernetesGroups.1', 'must not start with system:'),
    });
    const user = userEvent.setup();
    const onDone = vi.fn();
    show(<CreateAccessEntryDialog clusterRef={ref} onClose={() => {}} onDone={onDone} />);
    const dialog = screen.getByRole('dialog', { name: 'Create access entry' });

    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(within(dialog).getByLabelText('IAM principal ARN')).toHaveAccessibleDescription(
      /is required/,
    );
    expect(seen).toHaveLength(0);

    await user.type(
      within(dialog).getByLabelText('IAM principal ARN'),
      '  arn:aws:iam::111122223333:role/developers ',
    );
    await user.type(within(dialog).getByLabelText('Kubernetes groups (optional)'), 'dev, ops');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const groups = within(dialog).getByLabelText('Kubernetes groups (optional)');
    await expect.poll(() => groups.getAttribute('aria-invalid')).toBe('true');
    expect(groups).toHaveAccessibleDescription(/must not start with system:/);
    expect(groups).toHaveValue('dev, ops');
    const body = seen[0]?.body as Record<string, unknown>;
    expect(body).toEqual({
      principalArn: 'arn:aws:iam::111122223333:role/developers',
      type: 'STANDARD',
      kubernetesGroups: ['dev', 'ops'],
      clientRequestToken: expect.stringMatching(TOKEN) as unknown,
    });
    expect(onDone).not.toHaveBeenCalled();
  });

  it('sends a namespace-scoped policy without a token and puts a 400 on the namespaces field', async () => {
    const principalArn = 'arn:aws:iam::111122223333:role/developers';
    const seen = stubFetch({
      [`POST ${API}/access-entries/${encodeURIComponent(principalArn)}/policies`]: () =>
        refused('scope.namespaces.0', 'namespace payments does not exist'),
    });
    const user = userEvent.setup();
    show(
      <AssociatePolicyDialog
        clusterRef={ref}
        entry={{ principalArn } as never}
        policies={[
          { name: 'AmazonEKSViewPolicy', arn: VIEW },
          { name: 'AmazonEKSEditPolicy', arn: EDIT },
        ]}
        onClose={() => {}}
        onDone={() => {}}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Associate access policy' });
    await user.selectOptions(within(dialog).getByLabelText('Access policy'), 'AmazonEKSEditPolicy');
    await user.click(within(dialog).getByRole('radio', { name: 'Some namespaces' }));
    await user.type(within(dialog).getByLabelText('Namespaces'), 'payments  web');
    await user.click(within(dialog).getByRole('button', { name: 'Associate' }));

    const namespaces = within(dialog).getByLabelText('Namespaces');
    await expect.poll(() => namespaces.getAttribute('aria-invalid')).toBe('true');
    expect(namespaces).toHaveAccessibleDescription(/namespace payments does not exist/);
    expect(seen[0]?.body).toEqual({
      policyArn: EDIT,
      scope: { type: 'namespace', namespaces: ['payments', 'web'] },
    });
  });

  it('puts a 400 about the role on the role field of a Pod Identity association', async () => {
    const seen = stubFetch({
      [`POST ${API}/pod-identity-associations`]: () =>
        refused('roleArn', 'is not trusted by pods.eks.amazonaws.com'),
    });
    const user = userEvent.setup();
    show(<CreatePodIdentityDialog clusterRef={ref} onClose={() => {}} onDone={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Create Pod Identity association' });
    await user.type(within(dialog).getByLabelText('Namespace'), 'payments');
    await user.type(within(dialog).getByLabelText('Service account'), ' web ');
    await user.type(
      within(dialog).getByLabelText('IAM role ARN'),
      'arn:aws:iam::111122223333:role/web',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const role = within(dialog).getByLabelText('IAM role ARN');
    await expect.poll(() => role.getAttribute('aria-invalid')).toBe('true');
    expect(role).toHaveAccessibleDescription(/is not trusted by pods.eks.amazonaws.com/);
    expect(seen[0]?.body).toEqual({
      namespace: 'payments',
      serviceAccount: 'web',
      roleArn: 'arn:aws:iam::111122223333:role/web',
      clientRequestToken: expect.stringMatching(TOKEN) as unknown,
    });
  });
});

describe('access dialogs on success', () => {
  it('reports the created Pod Identity association', async () => {
    stubFetch({ [`POST ${API}/pod-identity-associations`]: () => json({ auditId: 3 }) });
    const user = userEvent.setup();
    const onDone = vi.fn();
    show(<CreatePodIdentityDialog clusterRef={ref} onClose={() => {}} onDone={onDone} />);
    const dialog = screen.getByRole('dialog', { name: 'Create Pod Identity association' });
    await user.type(within(dialog).getByLabelText('Namespace'), 'payments');
    await user.type(within(dialog).getByLabelText('Service account'), 'web');
    await user.type(
      within(dialog).getByLabelText('IAM role ARN'),
      'arn:aws:iam::111122223333:role/web',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await expect
      .poll(() => onDone.mock.calls[0]?.[0])
      .toBe('Pods of payments/web now assume arn:aws:iam::111122223333:role/web.');
  });
});
