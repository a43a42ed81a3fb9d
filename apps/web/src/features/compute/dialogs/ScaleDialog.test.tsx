import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../../api/client.ts';
import {
  CLUSTER_API,
  CLUSTER_PAGE,
  compute,
  computePageHandlers,
  nodegroup,
  update,
} from '../../../test/computeFixtures.ts';
import { json, problem, stubFetch, type StubRequest } from '../../../test/fetchStub.ts';
import { operatorSession } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const SCALE = `POST ${CLUSTER_API}/nodegroups/general/scaling`;

const DISRUPTION = `GET ${CLUSTER_API}/k8s/nodegroups/general/disruption`;

/** 14 pods on general's 2 nodes, two PodDisruptionBudgets over some of them. */
const groupDisruption = () =>
  json({
    nodes: 2,
    pods: 14,
    budgets: [
      {
        namespace: 'payments',
        name: 'checkout-api',
        minAvailable: 2,
        disruptionsAllowed: 0,
        podsOnNodegroup: 3,
      },
      { namespace: 'payments', name: 'gateway', maxUnavailable: 1, podsOnNodegroup: 1 },
    ],
  });

async function openScaleDialog(
  respond: (request: StubRequest) => Response,
  disruption: () => Response = groupDisruption,
) {
  const seen = stubFetch({
    ...computePageHandlers(operatorSession, compute()),
    [SCALE]: respond,
    [DISRUPTION]: disruption,
  });
  const user = userEvent.setup();
  renderApp(`${CLUSTER_PAGE}?tab=compute`);
  // The first render loads the Compute tab's chunk, which can take a moment in a cold test run.
  await screen.findByRole('table', { name: 'Managed node groups' });
  await user.click(screen.getByRole('button', { name: 'Actions for general' }));
  await user.click(await screen.findByRole('menuitem', { name: 'Scale' }));
  const dialog = await screen.findByRole('dialog', { name: 'Scale node group general' });
  return { seen, user, dialog, posts: () => seen.filter((r) => r.method === 'POST') };
}

async function setSize(user: ReturnType<typeof userEvent.setup>, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (value) await user.type(input, value);
}

describe('ScaleDialog', () => {
  it('warns that scaling to zero evicts every pod on the group and names the budgets over them', async () => {
    const { user, dialog } = await openScaleDialog(() => json({ auditId: 1 }, 202));
    await setSize(user, 'Minimum size', '0');
    await setSize(user, 'Desired size', '0');
    expect(dialog).toHaveTextContent('2 → 0 instances');
    const warning = await within(dialog).findByText(/^Scaling to 0/);
    expect(warning).toHaveTextContent(
      'Scaling to 0 terminates every instance: all 14 pods on its 2 nodes are evicted, and those with nowhere else to run stay Pending.',
    );
    const budgets = within(dialog).getByRole('list', { name: 'PodDisruptionBudgets affected' });
    expect(
      within(budgets)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'payments/checkout-api (minAvailable 2, 0 disruptions allowed): 3 pods on this group',
      'payments/gateway (maxUnavailable 1): 1 pod on this group',
    ]);
  });

  it('says how many pods run on the group when scaling down, and nothing when scaling up', async () => {
    const { user, dialog } = await openScaleDialog(() => json({ auditId: 1 }, 202));
    await setSize(user, 'Minimum size', '1');
    await setSize(user, 'Desired size', '1');
    expect(
      await within(dialog).findByText(/^EKS drains and terminates 1 instance/),
    ).toHaveTextContent(
      'EKS drains and terminates 1 instance; their pods are evicted and rescheduled elsewhere (14 pods run on its 2 nodes now).',
    );
    await setSize(user, 'Desired size', '4');
    expect(within(dialog).queryByText(/evicted/)).not.toBeInTheDocument();
  });

  it('still warns about scaling to zero when the nodes cannot be read', async () => {
    const { user, dialog } = await openScaleDialog(
      () => json({ auditId: 1 }, 202),
      () => problem(403, 'Forbidden', 'may not list nodes'),
    );
    await setSize(user, 'Minimum size', '0');
    await setSize(user, 'Desired size', '0');
    expect(
      await within(dialog).findByText(/could not read the cluster’s nodes and pods/),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent('every pod on this node group is evicted');
  });

  it('starts from the current sizes and previews the change', async () => {
    const { user, dialog } = await openScaleDialog(() => json({ auditId: 1 }, 202));
    expect(within(dialog).getByLabelText('Minimum size')).toHaveValue(1);
    expect(within(dialog).getByLabelText('Minimum size')).toHaveFocus();
    expect(dialog).toHaveTextContent('No change: these are the current sizes');
    expect(within(dialog).getByLabelText('Desired size')).toHaveValue(2);
    expect(within(dialog).getByLabelText('Maximum size')).toHaveValue(6);
    await setSize(user, 'Desired size', '4');
    expect(dialog).toHaveTextContent('2 → 4 instances');
  });

  it('checks min <= desired <= max and max >= 1 before sending anything', async () => {
    const { user, dialog, posts } = await openScaleDialog(() => json({ auditId: 1 }, 202));
    await setSize(user, 'Minimum size', '5');
    expect(screen.getByLabelText('Desired size')).toHaveAccessibleDescription(
      'must be between the minimum and the maximum',
    );
    expect(dialog).toHaveTextContent('fix the sizes above');
    await setSize(user, 'Maximum size', '4');
    expect(screen.getByLabelText('Minimum size')).toHaveAccessibleDescription(
      'must be at most the maximum',
    );
    expect(screen.getByLabelText('Desired size')).toHaveAccessibleDescription(
      'must be between the minimum and the maximum',
    );
    await setSize(user, 'Minimum size', '0');
    await setSize(user, 'Maximum size', '0');
    expect(screen.getByLabelText('Maximum size')).toHaveAccessibleDescription('must be at least 1');
    await setSize(user, 'Desired size', '');
    expect(screen.getByLabelText('Desired size')).toHaveAccessibleDescription('is required');

    expect(within(dialog).getByRole('button', { name: 'Scale' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));
    expect(posts()).toHaveLength(0);
    expect(screen.getByLabelText('Maximum size')).toHaveAttribute('aria-invalid', 'true');
  });

  it('disables Scale with the reason beside it while nothing changed or a size is invalid', async () => {
    const { user, dialog, posts } = await openScaleDialog(() => json({ auditId: 1 }, 202));
    const scale = within(dialog).getByRole('button', { name: 'Scale' });
    expect(dialog).toHaveTextContent('No change: these are the current sizes');
    expect(scale).toBeDisabled();
    expect(scale).toHaveAccessibleDescription('Nothing to send: change a size first');

    await setSize(user, 'Desired size', '999');
    expect(screen.getByLabelText('Desired size')).toHaveAccessibleDescription(
      'must be between the minimum and the maximum',
    );
    expect(scale).toBeDisabled();
    expect(scale).toHaveAccessibleDescription('Fix the sizes above to scale');
    await user.click(scale);
    expect(posts()).toHaveLength(0);

    await setSize(user, 'Desired size', '4');
    expect(scale).toBeEnabled();
    expect(scale).not.toHaveAccessibleDescription();
  });

  it('sends the sizes with the CSRF header and a request token, then names the EKS update', async () => {
    const { user, dialog, posts } = await openScaleDialog(() =>
      json({ auditId: 7, update: update({ id: 'upd-1234', status: 'InProgress' }) }, 202),
    );
    await setSize(user, 'Desired size', '4');
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [sent] = posts();
    expect(sent?.body).toEqual({
      minSize: 1,
      maxSize: 6,
      desiredSize: 4,
      clientRequestToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(sent?.headers.get(CSRF_HEADER)).toBe(operatorSession.csrfToken);
    const status = screen.getByRole('status', { name: 'Compute change status' });
    expect(status).toHaveTextContent('Scaling general to 4 instances.');
    expect(status).toHaveTextContent('EKS update upd-1234');
  });

  it('shows an AWS error as AWS wrote it, keeps the values, and retries with the same token', async () => {
    let calls = 0;
    const { user, dialog, posts } = await openScaleDialog(() =>
      ++calls === 1
        ? problem(
            400,
            'InvalidParameterException',
            "Minimum capacity 5 can't be greater than desired size 2",
            { awsCode: 'InvalidParameterException', requestId: 'aws-req-9' },
          )
        : json({ auditId: 8 }, 202),
    );
    await setSize(user, 'Desired size', '3');
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      "InvalidParameterException: Minimum capacity 5 can't be greater than desired size 2",
    );
    expect(alert).toHaveTextContent('aws-req-9');
    expect(within(dialog).getByLabelText('Desired size')).toHaveValue(3);

    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [first, retry] = posts();
    expect(retry?.body).toEqual(first?.body);
  });

  it('uses a new token once the values change after a failure, and a new dialog gets a new one', async () => {
    const { user, dialog, posts } = await openScaleDialog(() =>
      problem(503, 'Service unavailable', 'EKS is throttling; try again.'),
    );
    await setSize(user, 'Desired size', '3');
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));
    await within(dialog).findByRole('alert');
    await setSize(user, 'Desired size', '5');
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));
    await waitFor(() => expect(posts()).toHaveLength(2));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    // Focus goes back to the menu button the dialog was opened from.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Actions for general' })).toHaveFocus(),
    );

    await user.click(screen.getByRole('button', { name: 'Actions for general' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Scale' }));
    const again = await screen.findByRole('dialog', { name: 'Scale node group general' });
    await setSize(user, 'Desired size', '4');
    await user.click(within(again).getByRole('button', { name: 'Scale' }));
    await waitFor(() => expect(posts()).toHaveLength(3));

    const tokens = posts().map(
      (request) => (request.body as { clientRequestToken: string }).clientRequestToken,
    );
    expect(new Set(tokens).size).toBe(3);
  });

  it('refreshes the compute tab after a change so the new state shows', async () => {
    let scaled = false;
    const seen = stubFetch({
      ...computePageHandlers(operatorSession, () =>
        json(compute({ nodegroups: [nodegroup({ status: scaled ? 'UPDATING' : 'ACTIVE' })] })),
      ),
      [SCALE]: () => {
        scaled = true;
        return json({ auditId: 3 }, 202);
      },
    });
    const user = userEvent.setup();
    renderApp(`${CLUSTER_PAGE}?tab=compute`);
    await user.click(await screen.findByRole('button', { name: 'Actions for general' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Scale' }));
    const dialog = await screen.findByRole('dialog', { name: 'Scale node group general' });
    await setSize(user, 'Desired size', '4');
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));

    const table = screen.getByRole('table', { name: 'Managed node groups' });
    await within(table).findByText('Updating');
    expect(seen.filter((r) => r.path === `${CLUSTER_API}/compute`).length).toBeGreaterThan(1);
  });

  it('puts a 400 naming a size on that field, after sending the checked sizes as numbers', async () => {
    const { user, dialog, posts } = await openScaleDialog(() =>
      problem(400, 'Invalid request', 'maxSize: above the account quota', {
        errors: [{ field: 'maxSize', message: 'is above the Auto Scaling quota of 5' }],
      }),
    );
    await setSize(user, 'Maximum size', ' 8 ');
    await setSize(user, 'Desired size', '7');
    await user.click(within(dialog).getByRole('button', { name: 'Scale' }));

    await within(dialog).findByRole('alert');
    expect(within(dialog).getByLabelText('Maximum size')).toHaveAccessibleDescription(
      'is above the Auto Scaling quota of 5',
    );
    expect(within(dialog).getByLabelText('Maximum size')).toHaveValue(8);
    expect(posts()[0]?.body).toEqual({
      minSize: 1,
      maxSize: 8,
      desiredSize: 7,
      clientRequestToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });
});
