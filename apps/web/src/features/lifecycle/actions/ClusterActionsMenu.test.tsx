import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ClusterDetail, VersionUpgradePlan } from '@wheelhouse/contract';
import { json, problem, stubFetch, type StubRequest } from '../../../test/fetchStub.ts';
import { auditorSession } from '../../../test/dashboardFixtures.ts';
import { clusterDetail, operatorSession } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const PATH = '/clusters/111111111111/eu-west-1/prod-web';
const API = '/api/clusters/111111111111/eu-west-1/prod-web';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const accepted = (type: string) =>
  json(
    {
      update: { id: 'upd-9', type, status: 'InProgress', params: [], errors: [] },
      auditId: 12,
    },
    202,
  );

function stubCluster(
  handlers: Record<string, (request: StubRequest) => Response> = {},
  detail: ClusterDetail = clusterDetail(),
) {
  return stubFetch({
    'GET /api/session': () => json(operatorSession),
    [`GET ${API}`]: () => json(detail),
    [`GET ${API}/updates`]: () => json({ items: [] }),
    ...handlers,
  });
}

async function openAction(user: UserEvent, action: string, dialogTitle: string) {
  await user.click(await screen.findByRole('button', { name: 'Actions for prod-web' }));
  await user.click(await screen.findByRole('menuitem', { name: action }));
  return screen.findByRole('dialog', { name: dialogTitle });
}

const posted = (seen: StubRequest[], path: string) =>
  seen.find((request) => request.method !== 'GET' && request.path === path);

describe('ClusterActionsMenu', () => {
  it('updates one minor version, showing the skew and asking before leaving node groups behind', async () => {
    const plan: VersionUpgradePlan = {
      current: '1.31',
      next: '1.32',
      skew: [
        { nodegroup: 'general', version: '1.31', behind: 1, tooFar: false },
        { nodegroup: 'legacy', version: '1.28', behind: 4, tooFar: true },
      ],
      warnings: [
        'Node group legacy (1.28) would be 4 minor versions behind 1.32; kubelets may trail by at most 3. Update the node group first.',
      ],
    };
    const seen = stubCluster({
      [`GET ${API}/upgrade-plan`]: () => json(plan),
      [`POST ${API}/version`]: () => accepted('VersionUpdate'),
    });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(
      user,
      'Update Kubernetes version…',
      'Update Kubernetes version',
    );

    expect(await within(dialog).findByLabelText('Version change')).toHaveTextContent(
      '1.31→ to 1.32',
    );
    const rows = within(within(dialog).getByRole('table', { name: 'Node group version skew' }))
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'Node groupVersionBehind 1.32Skew',
      'general1.311 minor versionwithin limits',
      'legacy1.284 minor versionstoo far behind',
    ]);
    expect(within(dialog).getByRole('alert', { name: 'Before you update' })).toHaveTextContent(
      'Node group legacy (1.28) would be 4 minor versions behind 1.32',
    );
    const submit = within(dialog).getByRole('button', { name: 'Update to 1.32' });
    expect(submit).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /Update anyway/ }));
    await user.click(submit);

    const status = await screen.findByRole('status', { name: 'Change status' });
    await waitFor(() =>
      expect(status).toHaveTextContent('Updating prod-web from Kubernetes 1.31 to 1.32.'),
    );
    expect(status).toHaveTextContent('upd-9');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(posted(seen, `${API}/version`)?.body).toEqual({
      version: '1.32',
      clientRequestToken: expect.stringMatching(UUID),
    });
  });

  it('shows a cluster past extended support the path to a supported version and offers its first step', async () => {
    const seen = stubCluster({
      [`GET ${API}/upgrade-plan`]: () =>
        json({
          current: '1.30',
          next: '1.31',
          currentStatus: 'UNSUPPORTED',
          path: ['1.31', '1.32'],
          skew: [{ nodegroup: 'legacy-ng', version: '1.30', behind: 1, tooFar: false }],
          warnings: [
            '1.30 is past the end of extended support (2026-07-23): EKS upgrades such clusters itself to 1.32, the oldest version it still supports; upgrade to 1.31 now, then to 1.32, one minor version per update.',
          ],
        } satisfies VersionUpgradePlan),
      [`POST ${API}/version`]: () => accepted('VersionUpdate'),
    });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(
      user,
      'Update Kubernetes version…',
      'Update Kubernetes version',
    );
    expect(await within(dialog).findByLabelText('Version change')).toHaveTextContent(
      '1.30→ to 1.31',
    );
    expect(within(dialog).getByLabelText('Path to a supported version')).toHaveTextContent(
      'Path to a supported version: 1.30 → 1.31 → 1.32, one update each; this update is the first step (1.31).',
    );
    expect(within(dialog).queryByText('no newer version')).not.toBeInTheDocument();
    expect(within(dialog).getByRole('alert', { name: 'Before you update' })).toHaveTextContent(
      'upgrade to 1.31 now, then to 1.32',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Update to 1.31' }));
    await waitFor(() =>
      expect(posted(seen, `${API}/version`)?.body).toMatchObject({ version: '1.31' }),
    );
  });

  it('offers no update when EKS has no newer version', async () => {
    stubCluster({
      [`GET ${API}/upgrade-plan`]: () =>
        json({
          current: '1.33',
          skew: [],
          warnings: ['EKS in eu-west-1 does not offer 1.34 yet: 1.33 is the newest.'],
        }),
    });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(
      user,
      'Update Kubernetes version…',
      'Update Kubernetes version',
    );
    expect(await within(dialog).findByText('no newer version')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Update' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Actions for prod-web' })).toHaveFocus(),
    );
  });

  it('follows a cluster update to its end: in progress, then done', async () => {
    let logging = {
      id: 'upd-9',
      type: 'LoggingUpdate',
      status: 'InProgress',
      params: [],
      errors: [],
    };
    stubCluster({
      [`GET ${API}/updates`]: () => json({ items: [logging] }),
      [`POST ${API}/logging`]: () => accepted('LoggingUpdate'),
    });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(user, 'Control plane logging…', 'Control plane logging');
    await user.click(within(dialog).getByRole('checkbox', { name: /Authenticator/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save logging' }));
    const status = await screen.findByRole('status', { name: 'Change status' });
    await waitFor(() =>
      expect(status).toHaveTextContent('Turning on Authenticator logs. In progress…'),
    );
    logging = { ...logging, status: 'Successful' };
    // The update list polls every 2.5 s while one runs.
    await waitFor(
      () => expect(status).toHaveTextContent('Control plane logging of prod-web updated.'),
      { timeout: 6_000 },
    );
    expect(status).not.toHaveTextContent('In progress');
  });

  it('sends only the log types that changed', async () => {
    const seen = stubCluster({ [`POST ${API}/logging`]: () => accepted('LoggingUpdate') });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(user, 'Control plane logging…', 'Control plane logging');
    const save = within(dialog).getByRole('button', { name: 'Save logging' });
    expect(save).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /Authenticator/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /API server/ }));
    await user.click(save);
    await waitFor(() => expect(posted(seen, `${API}/logging`)).toBeDefined());
    expect(posted(seen, `${API}/logging`)?.body).toEqual({
      enable: ['authenticator'],
      disable: ['api'],
      clientRequestToken: expect.stringMatching(UUID),
    });
  });

  it('checks CIDR blocks before changing endpoint access', async () => {
    const seen = stubCluster({
      [`POST ${API}/endpoint-access`]: () => accepted('EndpointAccessUpdate'),
    });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(user, 'Endpoint access…', 'Endpoint access');
    expect(within(dialog).getByRole('radio', { name: /^Public Reachable/ })).toBeChecked();
    expect(within(dialog).getByLabelText('CIDR block 1')).toHaveValue('203.0.113.0/24');

    await user.click(within(dialog).getByRole('button', { name: 'Add CIDR block' }));
    await user.type(within(dialog).getByLabelText('CIDR block 2'), '10.0.0.300');
    await user.click(within(dialog).getByRole('button', { name: 'Save endpoint access' }));
    expect(within(dialog).getByText(/must be an IPv4 CIDR block/)).toBeInTheDocument();
    expect(posted(seen, `${API}/endpoint-access`)).toBeUndefined();

    await user.clear(within(dialog).getByLabelText('CIDR block 2'));
    await user.type(within(dialog).getByLabelText('CIDR block 2'), '198.51.100.0/24');
    await user.click(within(dialog).getByRole('radio', { name: /^Public and private/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save endpoint access' }));
    await waitFor(() => expect(posted(seen, `${API}/endpoint-access`)).toBeDefined());
    expect(posted(seen, `${API}/endpoint-access`)?.body).toEqual({
      endpoint: {
        endpointPublicAccess: true,
        endpointPrivateAccess: true,
        publicAccessCidrs: ['203.0.113.0/24', '198.51.100.0/24'],
      },
      clientRequestToken: expect.stringMatching(UUID),
    });
  });

  it('puts a 400 about one CIDR block on that block, after sending the checked endpoint', async () => {
    const seen = stubCluster({
      [`POST ${API}/endpoint-access`]: () =>
        problem(400, 'Invalid request', 'endpoint.publicAccessCidrs.0: too wide', {
          errors: [{ field: 'endpoint.publicAccessCidrs.0', message: 'is wider than /8' }],
        }),
    });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(user, 'Endpoint access…', 'Endpoint access');
    await user.clear(within(dialog).getByLabelText('CIDR block 1'));
    await user.type(within(dialog).getByLabelText('CIDR block 1'), ' 10.0.0.0/7 ');
    await user.click(within(dialog).getByRole('button', { name: 'Save endpoint access' }));

    await within(dialog).findByRole('alert');
    expect(within(dialog).getByLabelText('CIDR block 1')).toHaveAttribute('aria-invalid', 'true');
    // Once in the refusal above the buttons, once under the block itself.
    expect(within(dialog).getAllByText('is wider than /8')).toHaveLength(2);
    expect(within(dialog).getByLabelText('CIDR block 1')).toHaveValue(' 10.0.0.0/7 ');
    expect(posted(seen, `${API}/endpoint-access`)?.body).toEqual({
      endpoint: {
        endpointPublicAccess: true,
        endpointPrivateAccess: false,
        publicAccessCidrs: ['10.0.0.0/7'],
      },
      clientRequestToken: expect.stringMatching(UUID),
    });
  });

  it('adds and removes tags as a difference', async () => {
    const seen = stubCluster({ [`POST ${API}/tags`]: () => json({ auditId: 3 }) });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(user, 'Edit tags…', 'Edit tags');
    // Rows come sorted as the cluster reports them: env=prod, team=web.
    await user.click(within(dialog).getByRole('button', { name: 'Remove tag 1' }));
    await user.clear(within(dialog).getByLabelText('Tag 1 value'));
    await user.type(within(dialog).getByLabelText('Tag 1 value'), 'payments');
    await user.click(within(dialog).getByRole('button', { name: 'Add tag' }));
    await user.type(within(dialog).getByLabelText('Tag 2 key'), 'owner');
    await user.type(within(dialog).getByLabelText('Tag 2 value'), 'olivia');
    await user.click(within(dialog).getByRole('button', { name: 'Save tags' }));
    await waitFor(() => expect(posted(seen, `${API}/tags`)).toBeDefined());
    expect(posted(seen, `${API}/tags`)?.body).toEqual({
      add: { team: 'payments', owner: 'olivia' },
      remove: ['env'],
    });
  });

  it('keeps a tag AWS would refuse on its row, unsent, until it is fixed', async () => {
    const seen = stubCluster({ [`POST ${API}/tags`]: () => json({ auditId: 4 }) });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(user, 'Edit tags…', 'Edit tags');
    await user.click(within(dialog).getByRole('button', { name: 'Add tag' }));
    await user.type(within(dialog).getByLabelText('Tag 3 key'), 'aws:owner');
    await user.type(within(dialog).getByLabelText('Tag 3 value'), 'olivia');
    // Row messages wait for the first save, as in every dialog with key/value rows.
    expect(within(dialog).queryByText(/reserved by AWS/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save tags' }));
    expect(await within(dialog).findByText(/reserved by AWS/)).toBeInTheDocument();
    expect(posted(seen, `${API}/tags`)).toBeUndefined();

    await user.clear(within(dialog).getByLabelText('Tag 3 key'));
    await user.type(within(dialog).getByLabelText('Tag 3 key'), 'owner');
    expect(within(dialog).queryByText(/reserved by AWS/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save tags' }));
    await waitFor(() => expect(posted(seen, `${API}/tags`)).toBeDefined());
    expect(posted(seen, `${API}/tags`)?.body).toEqual({ add: { owner: 'olivia' }, remove: [] });
  });

  it('deletes only after the exact name is typed, and shows EKS’s refusal as written', async () => {
    const seen = stubCluster({
      [`DELETE ${API}`]: () =>
        problem(409, 'Conflict', 'Cluster has nodegroups attached', {
          awsCode: 'ResourceInUseException',
        }),
    });
    const user = userEvent.setup();
    renderApp(PATH);
    const dialog = await openAction(user, 'Delete cluster…', 'Delete cluster prod-web');
    expect(dialog).toHaveTextContent('EKS refuses while node groups or Fargate profiles remain');
    const confirm = within(dialog).getByRole('button', { name: 'Delete cluster' });
    const typed = within(dialog).getByLabelText('Type prod-web to confirm');
    expect(confirm).toBeDisabled();
    await user.type(typed, 'prod-we');
    expect(confirm).toBeDisabled();
    await user.type(typed, 'b ');
    expect(confirm).toBeDisabled();
    await user.type(typed, '{Backspace}');
    expect(confirm).toBeEnabled();
    await user.click(confirm);

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'ResourceInUseException: Cluster has nodegroups attached',
    );
    expect(typed).toHaveValue('prod-web');
    expect(posted(seen, API)?.body).toEqual({ confirmName: 'prod-web' });
  });

  it('deregisters a connected cluster after the name is typed', async () => {
    const seen = stubCluster(
      {
        'DELETE /api/connected-clusters/111111111111/eu-west-1/prod-web': () =>
          json({ auditId: 5 }, 202),
      },
      clusterDetail({ connected: true, status: 'ACTIVE', version: undefined, provider: 'GKE' }),
    );
    const user = userEvent.setup();
    renderApp(PATH);
    await user.click(await screen.findByRole('button', { name: 'Actions for prod-web' }));
    expect(screen.queryByRole('menuitem', { name: 'Delete cluster…' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Deregister cluster…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deregister cluster prod-web' });
    await user.type(within(dialog).getByLabelText('Type prod-web to confirm'), 'prod-web');
    await user.click(within(dialog).getByRole('button', { name: 'Deregister cluster' }));
    expect(await screen.findByRole('status', { name: 'Change status' })).toHaveTextContent(
      'Deregistering cluster prod-web.',
    );
    expect(posted(seen, '/api/connected-clusters/111111111111/eu-west-1/prod-web')?.body).toEqual({
      confirmName: 'prod-web',
    });
  });

  it('shows auditors no change controls on the cluster page', async () => {
    stubFetch({
      'GET /api/session': () => json(auditorSession),
      [`GET ${API}`]: () => json(clusterDetail()),
    });
    renderApp(PATH);
    await screen.findByRole('region', { name: 'Cluster summary' });
    expect(screen.queryByRole('button', { name: /^Actions/ })).not.toBeInTheDocument();
  });
});
