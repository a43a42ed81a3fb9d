import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { FargateMatch } from '@wheelhouse/contract';
import {
  CLUSTER_API,
  CLUSTER_PAGE,
  compute,
  computePageHandlers,
  fargateProfile,
} from '../../test/computeFixtures.ts';
import { json, problem, stubFetch, type StubRequest } from '../../test/fetchStub.ts';
import { operatorSession } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { nextProfileName } from './dialogs/CreateFargateProfileDialog.tsx';

async function showFargate(extra: Record<string, (request: StubRequest) => Response> = {}) {
  const seen = stubFetch({
    ...computePageHandlers(
      operatorSession,
      compute({
        fargateProfiles: [
          fargateProfile({ name: 'batch' }),
          fargateProfile({ name: 'system', selectors: [{ namespace: 'kube-system' }] }),
        ],
      }),
    ),
    ...extra,
  });
  const user = userEvent.setup();
  renderApp(`${CLUSTER_PAGE}?tab=compute`);
  await screen.findByRole('table', { name: 'Fargate profiles' });
  return { seen, user };
}

describe('Fargate match checker', () => {
  const checker = () => screen.getByRole('region', { name: 'Which profile would this pod get?' });
  const result = () => screen.getByRole('status', { name: 'Fargate match result' });

  async function check(
    user: ReturnType<typeof userEvent.setup>,
    namespace: string,
    labels: string,
  ) {
    const form = checker();
    await user.clear(within(form).getByLabelText('Pod namespace'));
    if (namespace) await user.type(within(form).getByLabelText('Pod namespace'), namespace);
    await user.clear(within(form).getByLabelText('Pod labels'));
    if (labels) await user.type(within(form).getByLabelText('Pod labels'), labels);
    await user.click(within(form).getByRole('button', { name: 'Check' }));
  }

  it('asks the BFF with the namespace and each label, and names the one profile', async () => {
    const answer: FargateMatch = {
      matches: [{ profile: 'batch', selectorIndex: 0 }],
      random: false,
    };
    const { seen, user } = await showFargate({
      [`GET ${CLUSTER_API}/fargate-match`]: () => json(answer),
    });
    await check(user, 'batch', 'tier=jobs, app=etl');
    await waitFor(() =>
      expect(result()).toHaveTextContent('Fargate profile batch would run it (its selector 1).'),
    );
    const request = seen.find((r) => r.path === `${CLUSTER_API}/fargate-match`)!;
    expect(request.url.searchParams.get('namespace')).toBe('batch');
    expect(request.url.searchParams.getAll('label')).toEqual(['tier=jobs', 'app=etl']);
  });

  it('says when none matches, and when several do that EKS picks at random', async () => {
    let answer: FargateMatch = { matches: [], random: false };
    const { user } = await showFargate({
      [`GET ${CLUSTER_API}/fargate-match`]: () => json(answer),
    });
    await check(user, 'web', '');
    await waitFor(() => expect(result()).toHaveTextContent('No Fargate profile matches'));

    answer = {
      matches: [
        { profile: 'batch', selectorIndex: 0 },
        { profile: 'system', selectorIndex: 0 },
      ],
      random: true,
    };
    await check(user, 'kube-system', 'tier=jobs');
    await waitFor(() =>
      expect(result()).toHaveTextContent(
        'Several match — EKS picks at random among batch, system.',
      ),
    );
  });

  it('clears the answer when the input turns invalid, beside an error naming the field', async () => {
    const { user } = await showFargate({
      [`GET ${CLUSTER_API}/fargate-match`]: () =>
        json({ matches: [{ profile: 'batch', selectorIndex: 0 }], random: false }),
    });
    await check(user, 'batch', '');
    await waitFor(() => expect(result()).toHaveTextContent('Fargate profile batch would run it'));

    await check(user, '', '');
    expect(within(checker()).getByLabelText('Pod namespace')).toHaveAccessibleDescription(
      'Namespace is required',
    );
    expect(result()).toBeEmptyDOMElement();

    await check(user, 'batch', 'tier');
    expect(result()).toBeEmptyDOMElement();
    await check(user, 'batch', '');
    await waitFor(() => expect(result()).toHaveTextContent('Fargate profile batch would run it'));
  });

  it('checks the namespace and the label syntax before asking', async () => {
    const { seen, user } = await showFargate();
    await check(user, '', 'tier');
    expect(within(checker()).getByLabelText('Pod namespace')).toHaveAccessibleDescription(
      'Namespace is required',
    );
    expect(within(checker()).getByLabelText('Pod labels')).toHaveAccessibleDescription(
      /^Label “tier” is not key=value/,
    );
    await check(user, 'batch', 'bad!=x');
    expect(within(checker()).getByLabelText('Pod labels')).toHaveAccessibleDescription(
      /^Label bad! is not a valid Kubernetes label key/,
    );
    expect(seen.some((r) => r.path.endsWith('/fargate-match'))).toBe(false);
  });
});

describe('Fargate profile changes', () => {
  it('suggests the next free name for a recreated profile', () => {
    expect(nextProfileName('batch', [])).toBe('batch-v2');
    expect(nextProfileName('batch-v2', ['batch-v3'])).toBe('batch-v4');
  });

  it('recreates a profile with changes: prefilled, explained, sent as a new profile', async () => {
    const { seen, user } = await showFargate({
      [`POST ${CLUSTER_API}/fargate-profiles`]: () => json({ auditId: 5 }, 202),
    });
    await user.click(screen.getByRole('button', { name: 'Actions for batch' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Recreate with changes' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Recreate Fargate profile batch with changes',
    });
    expect(dialog).toHaveTextContent('Fargate profiles cannot be changed');
    expect(dialog).toHaveTextContent('delete batch');
    expect(within(dialog).getByLabelText('Profile name')).toHaveValue('batch-v2');
    expect(within(dialog).getByLabelText('Selector 1 namespace')).toHaveValue('batch');
    expect(within(dialog).getByLabelText('Selector 1 label 1 key')).toHaveValue('tier');

    await user.type(within(dialog).getByLabelText('Selector 1 label 1 value'), '-v2');
    await user.click(within(dialog).getByRole('button', { name: 'Add selector' }));
    await user.type(within(dialog).getByLabelText('Selector 2 namespace'), 'etl');
    await user.click(within(dialog).getByRole('button', { name: 'Create Fargate profile' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'batch-v2',
      podExecutionRoleArn: 'arn:aws:iam::111111111111:role/eks-fargate-pods',
      subnets: ['subnet-0ccc3333'],
      selectors: [{ namespace: 'batch', labels: { tier: 'jobs-v2' } }, { namespace: 'etl' }],
      tags: { team: 'data' },
      clientRequestToken: expect.any(String),
    });
    expect(screen.getByRole('status', { name: 'Compute change status' })).toHaveTextContent(
      'Once it is Active, delete batch',
    );
  });

  it('checks a new profile before sending: name, role ARN, subnets, namespace, at most 5 selectors', async () => {
    const { seen, user } = await showFargate();
    await user.click(screen.getByRole('button', { name: 'Create Fargate profile' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Fargate profile' });
    await user.clear(within(dialog).getByLabelText('Pod execution role ARN'));
    await user.type(within(dialog).getByLabelText('Pod execution role ARN'), 'eks-fargate-pods');
    await user.clear(within(dialog).getByLabelText('Private subnets'));
    await user.click(within(dialog).getByRole('button', { name: 'Create Fargate profile' }));

    expect(within(dialog).getByLabelText('Profile name')).toHaveAccessibleDescription(
      'is required',
    );
    expect(within(dialog).getByLabelText('Pod execution role ARN')).toHaveAccessibleDescription(
      /must be an IAM role ARN/,
    );
    expect(within(dialog).getByLabelText('Private subnets')).toHaveAccessibleDescription(
      /needs at least one private subnet/,
    );
    expect(within(dialog).getByLabelText('Selector 1 namespace')).toHaveAccessibleDescription(
      'is required',
    );
    for (let i = 0; i < 4; i++) {
      await user.click(within(dialog).getByRole('button', { name: 'Add selector' }));
    }
    expect(within(dialog).getByRole('button', { name: 'Add selector' })).toBeDisabled();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('keeps the typed values when EKS refuses the profile', async () => {
    const { user } = await showFargate({
      [`POST ${CLUSTER_API}/fargate-profiles`]: () =>
        problem(
          400,
          'InvalidParameterException',
          'Subnet subnet-0ccc3333 is not a private subnet.',
          {
            awsCode: 'InvalidParameterException',
          },
        ),
    });
    await user.click(screen.getByRole('button', { name: 'Create Fargate profile' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create Fargate profile' });
    await user.type(within(dialog).getByLabelText('Profile name'), 'etl');
    await user.type(within(dialog).getByLabelText('Selector 1 namespace'), 'etl');
    await user.click(within(dialog).getByRole('button', { name: 'Create Fargate profile' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'InvalidParameterException: Subnet subnet-0ccc3333 is not a private subnet.',
    );
    expect(within(dialog).getByLabelText('Profile name')).toHaveValue('etl');
  });

  it('follows a created and a deleted profile until EKS is done, then says so', async () => {
    let profiles = [fargateProfile({ name: 'batch' })];
    const seen = stubFetch({
      ...computePageHandlers(operatorSession, () => json(compute({ fargateProfiles: profiles }))),
      [`POST ${CLUSTER_API}/fargate-profiles`]: () => {
        profiles = [...profiles, fargateProfile({ name: 'batch-v2', status: 'CREATING' })];
        return json({ auditId: 5 }, 202);
      },
      [`DELETE ${CLUSTER_API}/fargate-profiles/batch`]: () => {
        profiles = profiles.map((p) => (p.name === 'batch' ? { ...p, status: 'DELETING' } : p));
        return json({ auditId: 6 }, 202);
      },
    });
    const user = userEvent.setup();
    renderApp(`${CLUSTER_PAGE}?tab=compute`);
    await screen.findByRole('table', { name: 'Fargate profiles' });
    const status = () => screen.getByRole('status', { name: 'Compute change status' });
    const refresh = () => user.click(screen.getByRole('button', { name: 'Refresh compute' }));

    await user.click(screen.getByRole('button', { name: 'Actions for batch' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Recreate with changes' }));
    const create = await screen.findByRole('dialog', { name: /Recreate Fargate profile batch/ });
    await user.click(within(create).getByRole('button', { name: 'Create Fargate profile' }));
    await waitFor(() => expect(status()).toHaveTextContent('Creating Fargate profile batch-v2.'));
    expect(status()).toHaveTextContent('In progress…');
    profiles = profiles.map((p) => ({ ...p, status: 'ACTIVE' }));
    await refresh();
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        'Fargate profile batch-v2 is Active: you can delete batch now.',
      ),
    );

    await user.click(screen.getByRole('button', { name: 'Actions for batch' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const remove = await screen.findByRole('dialog', { name: 'Delete Fargate profile batch' });
    await user.type(within(remove).getByLabelText('Type batch to confirm'), 'batch');
    await user.click(within(remove).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(status()).toHaveTextContent('Deleting Fargate profile batch. In progress…'),
    );
    profiles = profiles.filter((p) => p.name !== 'batch');
    await refresh();
    await waitFor(() => expect(status()).toHaveTextContent('Fargate profile batch deleted.'));
    expect(seen.filter((r) => r.method !== 'GET')).toHaveLength(2);
  });

  it('deletes a profile only after its exact name is typed', async () => {
    const { seen, user } = await showFargate({
      [`DELETE ${CLUSTER_API}/fargate-profiles/batch`]: () => json({ auditId: 6 }, 202),
    });
    await user.click(screen.getByRole('button', { name: 'Actions for batch' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Fargate profile batch' });
    expect(dialog).toHaveTextContent('Pods running on Fargate through batch are deleted with it');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type batch to confirm'), 'batc');
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Type batch to confirm'), 'h');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const sent = seen.find((r) => r.method === 'DELETE');
    expect(sent?.path).toBe(`${CLUSTER_API}/fargate-profiles/batch`);
    expect(sent?.body).toEqual({ confirmName: 'batch' });
  });
});
