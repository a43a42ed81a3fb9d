import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_API,
  CLUSTER_PAGE,
  compute,
  computePageHandlers,
  instance,
  nodegroup,
  nodegroupDetail,
  update,
} from '../../../test/computeFixtures.ts';
import { json, problem, stubFetch, type StubRequest } from '../../../test/fetchStub.ts';
import { operatorSession } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const PAGE = `${CLUSTER_PAGE}/nodegroups/general`;
const API = `${CLUSTER_API}/nodegroups/general`;

async function showNodegroup(
  detail = nodegroupDetail(),
  extra: Record<string, (request: StubRequest) => Response> = {},
) {
  const seen = stubFetch({
    ...computePageHandlers(operatorSession, compute()),
    [`GET ${API}`]: () => json(detail),
    ...extra,
  });
  const user = userEvent.setup();
  const app = renderApp(PAGE);
  await screen.findByRole('heading', { level: 1, name: 'general' });
  await screen.findByRole('region', { name: 'Node group details' });
  return { seen, user, app };
}

describe('NodegroupPage', () => {
  it('heads the page with status, size and a way back to the cluster', async () => {
    await showNodegroup();
    const heading = screen.getByRole('heading', { level: 1, name: 'general' });
    expect(heading.parentElement).toHaveTextContent('Active');
    const details = screen.getByRole('region', { name: 'Node group details' });
    expect(details).toHaveTextContent('2 of 2 desired running (min 1, max 6)');
    expect(details).toHaveTextContent('arn:aws:iam::111111111111:role/eks-node-role');
    expect(
      within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', {
        name: 'prod-web',
      }),
    ).toHaveAttribute('href', `${CLUSTER_PAGE}?tab=compute`);
  });

  it('lists the instances with type, zone, lifecycle, state, Auto Scaling state and AMI', async () => {
    await showNodegroup(
      nodegroupDetail({
        instances: [
          instance({
            instanceId: 'i-0spot',
            instanceType: 'm5a.large',
            availabilityZone: 'eu-west-1b',
            lifecycle: 'spot',
            state: 'pending',
            lifecycleState: 'Pending',
            imageId: 'ami-0123',
          }),
        ],
      }),
    );
    const table = screen.getByRole('table', { name: 'Instances' });
    const row = within(table).getByText('i-0spot').closest('tr')!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'i-0spot',
      'm5a.large',
      'eu-west-1b',
      'Spot',
      'pending',
      'Pending',
      expect.stringMatching(/ago$/),
      'ami-0123',
    ]);
  });

  it('shows what a scaling update has counted, and no made-up number for one it cannot count', async () => {
    await showNodegroup(
      nodegroupDetail({
        nodegroup: nodegroup({ status: 'UPDATING' }),
        updates: [
          update({
            id: 'upd-scale',
            type: 'ConfigUpdate',
            status: 'InProgress',
            params: [{ type: 'DesiredSize', value: '5' }],
            progress: 60,
            steps: { text: '3 of 5 instances InService', done: 3, total: 5 },
          }),
          update({
            id: 'upd-taints',
            type: 'ConfigUpdate',
            status: 'InProgress',
            params: [{ type: 'TaintsToAdd', value: '[]' }],
          }),
        ],
      }),
    );
    const history = screen.getByRole('table', { name: 'Update history' });
    const scaling = within(history).getByText('upd-scale').closest('tr')!;
    expect(scaling).toHaveTextContent('3 of 5 instances InService');
    expect(scaling).not.toHaveTextContent('%');
    const bar = within(scaling).getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '60');
    expect(bar).toHaveAttribute('aria-valuetext', '3 of 5 instances InService');
    const taints = within(history).getByText('upd-taints').closest('tr')!;
    expect(within(taints).getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
    expect(within(taints).getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      'In progress',
    );
  });

  it('shows the update history with a progress bar for the update in progress', async () => {
    await showNodegroup(
      nodegroupDetail({
        nodegroup: nodegroup({ status: 'UPDATING' }),
        updates: [
          update({
            id: 'upd-now',
            type: 'VersionUpdate',
            status: 'InProgress',
            params: [{ type: 'Version', value: '1.31' }],
            progress: 40,
            steps: { text: '2 of 5 nodes replaced', done: 2, total: 5 },
          }),
          update({
            id: 'upd-old',
            status: 'Failed',
            errors: [
              {
                code: 'NodeCreationFailure',
                message: 'Couldn’t proceed with upgrade process as new nodes are not joining',
                resourceIds: [],
              },
            ],
          }),
        ],
      }),
    );
    const history = screen.getByRole('table', { name: 'Update history' });
    const current = within(history).getByText('upd-now').closest('tr')!;
    expect(current).toHaveTextContent('Version update');
    expect(current).toHaveTextContent('In progress');
    expect(current).toHaveTextContent('Version set to 1.31');
    expect(within(current).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    const failed = within(history).getByText('upd-old').closest('tr')!;
    expect(failed).toHaveTextContent('NodeCreationFailure');
    expect(within(failed).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText(/Live: refreshing every 2.5 s/)).toBeInTheDocument();
  });

  it('says so when the node group does not exist', async () => {
    stubFetch({
      ...computePageHandlers(operatorSession, compute()),
      [`GET ${API}`]: () => problem(404, 'Not found', 'No node group named general.'),
    });
    renderApp(PAGE);
    expect(
      await screen.findByRole('heading', { name: 'Node group not found' }),
    ).toBeInTheDocument();
  });

  it('deletes the node group only once its exact name is typed, explaining the consequences', async () => {
    const { seen, user } = await showNodegroup(undefined, {
      [`DELETE ${API}`]: () => json({ auditId: 9 }, 202),
    });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete node group general' });
    expect(dialog).toHaveTextContent('terminates its 2 instances');
    expect(dialog).toHaveTextContent('Pods on those nodes are evicted');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    const typed = within(dialog).getByLabelText('Type general to confirm');
    await user.type(typed, 'General');
    expect(confirm).toBeDisabled();
    await user.clear(typed);
    await user.type(typed, 'general');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(seen.find((r) => r.method === 'DELETE')?.body).toEqual({ confirmName: 'general' });
    expect(screen.getByRole('status', { name: 'Change status' })).toHaveTextContent(
      'Deleting node group general.',
    );
  });

  it('edits labels and taints as a diff: additions, updates and removals', async () => {
    const { seen, user } = await showNodegroup(
      nodegroupDetail({
        nodegroup: nodegroup({
          labels: { team: 'web', env: 'prod' },
          taints: [{ key: 'dedicated', value: 'web', effect: 'NO_SCHEDULE' }],
        }),
      }),
      {
        [`POST ${API}/labels-taints`]: () =>
          json({ auditId: 10, update: update({ id: 'upd-labels', status: 'InProgress' }) }, 202),
      },
    );
    await user.click(screen.getByRole('button', { name: 'Edit labels & taints' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit labels and taints of general',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(dialog).toHaveTextContent('Add, change or remove at least one label or taint.');

    await user.click(within(dialog).getByRole('button', { name: 'Remove label env=prod' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add label' }));
    await user.type(within(dialog).getByLabelText('Label 1 key'), 'team');
    await user.type(within(dialog).getByLabelText('Label 1 value'), 'platform');
    await user.click(
      within(dialog).getByRole('button', { name: 'Remove taint dedicated=web:NoSchedule' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Add taint' }));
    await user.type(within(dialog).getByLabelText('Taint 1 key'), 'gpu');
    await user.selectOptions(within(dialog).getByLabelText('Taint 1 effect'), 'NoExecute');
    expect(dialog).toHaveTextContent(
      'This sets 1 label, removes 1 label, sets 1 taint, removes 1 taint.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      addOrUpdateLabels: { team: 'platform' },
      removeLabels: ['env'],
      addOrUpdateTaints: [{ key: 'gpu', effect: 'NO_EXECUTE' }],
      removeTaints: [{ key: 'dedicated', value: 'web', effect: 'NO_SCHEDULE' }],
      clientRequestToken: expect.any(String),
    });
    expect(screen.getByRole('status', { name: 'Change status' })).toHaveTextContent(
      'EKS update upd-labels',
    );
  });

  it('follows a labels and taints update to its end: in progress, then updated, or failed with EKS’s reason', async () => {
    let labelsUpdate = update({ id: 'upd-labels', status: 'InProgress' });
    const { user } = await showNodegroup(undefined, {
      [`GET ${API}`]: () => json(nodegroupDetail({ updates: [labelsUpdate] })),
      [`POST ${API}/labels-taints`]: () => json({ auditId: 10, update: labelsUpdate }, 202),
    });
    const editAndSave = async () => {
      await user.click(screen.getByRole('button', { name: 'Edit labels & taints' }));
      const dialog = await screen.findByRole('dialog', {
        name: 'Edit labels and taints of general',
      });
      await user.click(within(dialog).getByRole('button', { name: 'Add label' }));
      await user.type(within(dialog).getByLabelText('Label 1 key'), 'tier');
      await user.type(within(dialog).getByLabelText('Label 1 value'), 'web');
      await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    };
    const status = () => screen.getByRole('status', { name: 'Change status' });

    await editAndSave();
    await waitFor(() =>
      expect(status()).toHaveTextContent('Updating labels and taints of general. In progress…'),
    );
    labelsUpdate = { ...labelsUpdate, status: 'Successful' };
    await user.click(screen.getByRole('button', { name: 'Refresh node group' }));
    await waitFor(() =>
      expect(status()).toHaveTextContent('Labels and taints of general updated.'),
    );
    expect(status()).not.toHaveTextContent('In progress');

    labelsUpdate = update({ id: 'upd-labels-2', status: 'InProgress' });
    await editAndSave();
    await waitFor(() => expect(status()).toHaveTextContent('In progress…'));
    labelsUpdate = {
      ...labelsUpdate,
      status: 'Failed',
      errors: [{ code: 'NodeCreationFailure', message: 'Nodes are not joining', resourceIds: [] }],
    };
    await user.click(screen.getByRole('button', { name: 'Refresh node group' }));
    await waitFor(() =>
      expect(status()).toHaveTextContent(
        'Failed: Updating labels and taints of general.NodeCreationFailure: Nodes are not joining',
      ),
    );
  });

  it('checks new labels row by row with the Kubernetes rules', async () => {
    const { seen, user } = await showNodegroup();
    await user.click(screen.getByRole('button', { name: 'Edit labels & taints' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Edit labels and taints of general',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Add label' }));
    await user.type(within(dialog).getByLabelText('Label 1 key'), '-bad');
    expect(within(dialog).getByLabelText('Label 1 key')).toHaveAttribute('aria-invalid', 'true');
    expect(dialog).toHaveTextContent('Key is not a valid Kubernetes label key');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('updates the version, warning about forcing past pod disruption budgets', async () => {
    const { seen, user } = await showNodegroup(
      nodegroupDetail({ nodegroup: nodegroup({ version: '1.30' }) }),
      { [`POST ${API}/version`]: () => json({ auditId: 11 }, 202) },
    );
    await user.click(screen.getByRole('button', { name: 'Update version' }));
    const dialog = await screen.findByRole('dialog', { name: 'Update version of general' });
    // The cluster runs 1.31, so that is the suggested target.
    expect(within(dialog).getByLabelText('Kubernetes version')).toHaveValue('1.31');
    const force = within(dialog).getByRole('checkbox', { name: 'Force the update' });
    expect(force).toHaveAccessibleDescription(/ignores pod disruption budgets/);
    await user.click(force);
    await user.click(within(dialog).getByRole('button', { name: 'Update version' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      version: '1.31',
      force: true,
      clientRequestToken: expect.any(String),
    });
  });

  it('asks for a version or a release version', async () => {
    const { seen, user } = await showNodegroup();
    await user.click(screen.getByRole('button', { name: 'Update version' }));
    const dialog = await screen.findByRole('dialog', { name: 'Update version of general' });
    await user.clear(within(dialog).getByLabelText('Kubernetes version'));
    await user.click(within(dialog).getByRole('button', { name: 'Update version' }));
    expect(within(dialog).getByLabelText('Kubernetes version')).toHaveAccessibleDescription(
      /give a Kubernetes version or an AMI release version/,
    );
    await user.type(within(dialog).getByLabelText('Kubernetes version'), '1.31.2');
    expect(within(dialog).getByLabelText('Kubernetes version')).toHaveAccessibleDescription(
      /must be a Kubernetes minor version such as 1.31/,
    );
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });
});
