import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AddonConfiguration, ClusterAddons, InstalledAddon } from '@wheelhouse/contract';
import { CLUSTER_API, CLUSTER_PAGE } from '../../test/computeFixtures.ts';
import { json, stubFetch, type StubRequest } from '../../test/fetchStub.ts';
import { clusterDetail, operatorSession } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const COREDNS_SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  properties: {
    replicaCount: { type: 'integer', minimum: 1 },
    resources: { type: 'object' },
  },
});
const KUBE_PROXY_SCHEMA = JSON.stringify({
  type: 'object',
  additionalProperties: false,
  properties: { mode: { type: 'string', enum: ['iptables', 'ipvs'] } },
});

const installed = (overrides: Partial<InstalledAddon>): InstalledAddon => ({
  name: 'kube-proxy',
  version: 'v1.31.2-eksbuild.2',
  status: 'ACTIVE',
  issues: [],
  newerVersions: [],
  updateAvailable: false,
  behindDefault: false,
  ...overrides,
});

const addons = (): ClusterAddons => ({
  accountId: '111111111111',
  region: 'eu-west-1',
  cluster: 'prod-web',
  kubernetesVersion: '1.31',
  items: [installed({})],
  available: [
    {
      name: 'aws-ebs-csi-driver',
      type: 'storage',
      defaultVersion: 'v1.45.0-eksbuild.2',
      versions: ['v1.48.0-eksbuild.1', 'v1.45.0-eksbuild.2'],
    },
    {
      name: 'coredns',
      type: 'networking',
      defaultVersion: 'v1.11.3-eksbuild.2',
      versions: ['v1.11.4-eksbuild.14', 'v1.11.3-eksbuild.2'],
    },
  ],
  errors: [],
});

const configurationOf = (request: StubRequest) => {
  const name = request.path.split('/').at(-2)!;
  const configuration: AddonConfiguration = {
    name,
    version: request.url.searchParams.get('version') ?? 'v0',
    schema: name === 'kube-proxy' ? KUBE_PROXY_SCHEMA : name === 'coredns' ? COREDNS_SCHEMA : '',
    podIdentity: [],
  };
  return json(configuration);
};

async function openTab() {
  const seen = stubFetch({
    'GET /api/session': () => json(operatorSession),
    [`GET ${CLUSTER_API}`]: () => json(clusterDetail()),
    [`GET ${CLUSTER_API}/addons`]: () => json(addons()),
    [`GET ${CLUSTER_API}/addons/coredns/configuration`]: configurationOf,
    [`GET ${CLUSTER_API}/addons/aws-ebs-csi-driver/configuration`]: configurationOf,
    [`GET ${CLUSTER_API}/addons/kube-proxy/configuration`]: configurationOf,
    [`POST ${CLUSTER_API}/addons`]: () => json({ auditId: 7 }, 202),
    [`POST ${CLUSTER_API}/addons/kube-proxy/update`]: () => json({ auditId: 8 }, 202),
    [`DELETE ${CLUSTER_API}/addons/kube-proxy`]: () => json({ auditId: 9 }, 202),
  });
  const user = userEvent.setup();
  renderApp(`${CLUSTER_PAGE}?tab=addons`);
  await screen.findByRole('table', { name: 'Add-ons' });
  const changes = () => seen.filter((request) => request.method !== 'GET');
  return { user, changes, seen };
}

describe('the Add-ons tab for operators', () => {
  it('installs an add-on with YAML values checked against the build’s schema before sending', async () => {
    const { user, changes, seen } = await openTab();
    await user.click(screen.getByRole('button', { name: 'Install add-on' }));
    const dialog = await screen.findByRole('dialog', { name: 'Install add-on' });
    await user.selectOptions(within(dialog).getByLabelText('Add-on'), 'coredns');
    // The cluster's default build comes preselected.
    expect(within(dialog).getByLabelText('Version')).toHaveValue('v1.11.3-eksbuild.2');
    await within(dialog).findByText(/Settings of v1.11.3-eksbuild.2: replicaCount, resources/);
    const values = within(dialog).getByLabelText('Configuration values (YAML or JSON)');
    await user.type(values, 'replicaCount: zero');
    await user.click(within(dialog).getByRole('button', { name: 'Install' }));
    expect(await within(dialog).findByText('/replicaCount: must be integer')).toBeVisible();
    expect(values).toHaveAttribute('aria-invalid', 'true');
    expect(changes()).toHaveLength(0);

    await user.clear(values);
    await user.type(values, 'replicaCount: 3{enter}colour: blue');
    expect(await within(dialog).findByText('/colour: is not allowed by the schema')).toBeVisible();
    await user.clear(values);
    await user.type(values, 'replicaCount: 3');
    await user.click(within(dialog).getByRole('button', { name: 'Install' }));
    await waitFor(() => expect(changes()).toHaveLength(1));
    expect(changes()[0]!.body).toMatchObject({
      name: 'coredns',
      version: 'v1.11.3-eksbuild.2',
      configurationValues: '{"replicaCount":3}',
      clientRequestToken: expect.any(String),
    });
    expect(changes()[0]!.body).not.toHaveProperty('serviceAccountRoleArn');
    expect(await screen.findByText('Installing coredns v1.11.3-eksbuild.2.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(
      seen.some((request) => request.url.searchParams.get('version') === 'v1.11.3-eksbuild.2'),
    ).toBe(true);
  });

  it('says when text is neither YAML nor JSON', async () => {
    const { user, changes } = await openTab();
    await user.click(screen.getByRole('button', { name: 'Install add-on' }));
    const dialog = await screen.findByRole('dialog', { name: 'Install add-on' });
    await user.type(
      within(dialog).getByLabelText('Configuration values (YAML or JSON)'),
      '- just a list',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Install' }));
    expect(
      await within(dialog).findByText('must be an object of settings (key: value)'),
    ).toBeVisible();
    expect(changes()).toHaveLength(0);
  });

  it('checks an update’s values against the schema of the build it moves to', async () => {
    const { user, changes } = await openTab();
    await user.click(screen.getByRole('button', { name: 'Update kube-proxy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Update add-on kube-proxy' });
    await within(dialog).findByText(/Settings of v1.31.2-eksbuild.2: mode/);
    const values = within(dialog).getByLabelText('Configuration values (YAML or JSON)');
    await user.type(values, 'mode: nftables');
    await user.click(within(dialog).getByRole('button', { name: 'Update' }));
    expect(
      await within(dialog).findByText(
        '/mode: must be equal to one of the allowed values: iptables, ipvs',
      ),
    ).toBeVisible();
    expect(changes()).toHaveLength(0);
    await user.clear(values);
    await user.type(values, 'mode: ipvs');
    await user.click(within(dialog).getByRole('button', { name: 'Update' }));
    await waitFor(() => expect(changes()).toHaveLength(1));
    expect(changes()[0]!.body).toMatchObject({ configurationValues: '{"mode":"ipvs"}' });
  });

  it('deletes an add-on after the typed name, keeping its resources when asked', async () => {
    const { user, changes } = await openTab();
    await user.click(screen.getByRole('button', { name: 'Delete kube-proxy' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete add-on kube-proxy' });
    await user.click(
      within(dialog).getByRole('checkbox', {
        name: 'Keep its resources on the cluster (preserve)',
      }),
    );
    expect(dialog).toHaveTextContent('its Kubernetes objects keep running');
    await user.type(within(dialog).getByRole('textbox'), 'kube-proxy');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(changes()).toHaveLength(1));
    expect(changes()[0]).toMatchObject({
      method: 'DELETE',
      body: { confirmName: 'kube-proxy', preserve: true },
    });
  });
});
