import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_API,
  CLUSTER_PAGE,
  compute,
  computePageHandlers,
} from '../../../test/computeFixtures.ts';
import { json, problem, stubFetch } from '../../../test/fetchStub.ts';
import { operatorSession } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const CREATE = `POST ${CLUSTER_API}/nodegroups`;

async function openCreate(respond = () => json({ auditId: 12 }, 202)) {
  const seen = stubFetch({
    ...computePageHandlers(operatorSession, compute()),
    [CREATE]: respond,
  });
  const user = userEvent.setup();
  renderApp(`${CLUSTER_PAGE}?tab=compute`);
  await user.click(await screen.findByRole('button', { name: 'Create node group' }));
  const dialog = await screen.findByRole('dialog', { name: 'Create node group' });
  return { seen, user, dialog, field: (label: string) => within(dialog).getByLabelText(label) };
}

describe('CreateNodegroupDialog', () => {
  it('starts from the node role and subnets of an existing node group', async () => {
    const { field } = await openCreate();
    expect(field('Node IAM role ARN')).toHaveValue('arn:aws:iam::111111111111:role/eks-node-role');
    expect(field('Node IAM role ARN')).toHaveAccessibleDescription(
      'Prefilled from node group general.',
    );
    expect(field('Subnets')).toHaveValue('subnet-0aaa1111\nsubnet-0bbb2222');
  });

  it('checks every field with the contract before sending, and says what to fix', async () => {
    const { seen, user, dialog, field } = await openCreate();
    await user.clear(field('Node IAM role ARN'));
    await user.type(field('Node IAM role ARN'), 'eks-node-role');
    await user.clear(field('Maximum size'));
    await user.type(field('Maximum size'), '1');
    await user.click(within(dialog).getByRole('button', { name: 'Create node group' }));

    expect(field('Node group name')).toHaveAccessibleDescription(/is required/);
    expect(field('Node IAM role ARN')).toHaveAccessibleDescription(/must be an IAM role ARN/);
    expect(field('Desired size')).toHaveAccessibleDescription(
      'must be between the minimum and the maximum',
    );
    expect(field('Node group name')).toHaveFocus();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('sends the node group with scaling, labels, taints and tags', async () => {
    const { seen, user, dialog, field } = await openCreate();
    await user.type(field('Node group name'), 'gpu-workers');
    await user.type(field('Instance types'), 'g5.xlarge, g5.2xlarge');
    await user.selectOptions(field('Capacity type'), 'Spot');
    await user.selectOptions(field('AMI type'), 'AL2023_x86_64_NVIDIA');
    await user.type(field('Disk size (GiB)'), '100');
    await user.click(within(dialog).getByRole('button', { name: 'Add label' }));
    await user.type(field('Label 1 key'), 'accelerator');
    await user.type(field('Label 1 value'), 'nvidia');
    await user.click(within(dialog).getByRole('button', { name: 'Add taint' }));
    await user.type(field('Taint 1 key'), 'nvidia.com/gpu');
    await user.click(within(dialog).getByRole('button', { name: 'Add tag' }));
    await user.type(field('Tag 1 key'), 'cost-center');
    await user.type(field('Tag 1 value'), 'ml');
    await user.click(within(dialog).getByRole('button', { name: 'Create node group' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      name: 'gpu-workers',
      nodeRole: 'arn:aws:iam::111111111111:role/eks-node-role',
      subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'],
      instanceTypes: ['g5.xlarge', 'g5.2xlarge'],
      capacityType: 'SPOT',
      amiType: 'AL2023_x86_64_NVIDIA',
      diskSize: 100,
      scaling: { minSize: 1, maxSize: 3, desiredSize: 2 },
      labels: { accelerator: 'nvidia' },
      taints: [{ key: 'nvidia.com/gpu', effect: 'NO_SCHEDULE' }],
      tags: { 'cost-center': 'ml' },
      clientRequestToken: expect.any(String),
    });
    expect(screen.getByRole('status', { name: 'Compute change status' })).toHaveTextContent(
      'Creating node group gpu-workers.',
    );
  });

  it('puts the BFF’s field errors next to the fields, keeping what was typed', async () => {
    const { user, dialog, field } = await openCreate(() =>
      problem(400, 'Invalid request', 'name: already exists', {
        errors: [{ field: 'name', message: 'is already used by another node group' }],
      }),
    );
    await user.type(field('Node group name'), 'general');
    await user.click(within(dialog).getByRole('button', { name: 'Create node group' }));
    await within(dialog).findByRole('alert');
    expect(field('Node group name')).toHaveAccessibleDescription(
      'is already used by another node group',
    );
    expect(field('Node group name')).toHaveValue('general');
  });

  it('puts a BFF error about one subnet of the list on the subnets field', async () => {
    const { user, dialog, field } = await openCreate(() =>
      problem(400, 'Invalid request', 'subnets.1: not in the cluster VPC', {
        errors: [{ field: 'subnets.1', message: 'subnet-0bbb2222 is not in the cluster VPC' }],
      }),
    );
    await user.type(field('Node group name'), 'batch');
    await user.click(within(dialog).getByRole('button', { name: 'Create node group' }));
    await within(dialog).findByRole('alert');
    expect(field('Subnets')).toHaveAccessibleDescription(
      /subnet-0bbb2222 is not in the cluster VPC/,
    );
    expect(field('Subnets')).toHaveValue('subnet-0aaa1111\nsubnet-0bbb2222');
  });

  it('says what is wrong with a field once the user leaves it, not before', async () => {
    const { user, field } = await openCreate();
    await user.clear(field('Node IAM role ARN'));
    await user.type(field('Node IAM role ARN'), 'eks-node-role');
    expect(field('Node IAM role ARN')).not.toHaveAccessibleDescription(/must be an IAM role ARN/);
    await user.tab();
    expect(field('Node IAM role ARN')).toHaveAccessibleDescription(/must be an IAM role ARN/);
  });
});
