import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, ClusterAddons, FleetAddons } from '@wheelhouse/contract';
import type { ConsoleClient } from '../../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../../testing/consoleOnSandbox.ts';
import { waitFor } from '@wheelhouse/sandbox';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
let operator: ConsoleClient;
const HOME = '123456789012';
const CHECKOUT = `/api/clusters/${HOME}/us-east-1/checkout-prod`;
const TOOLS = `/api/clusters/${HOME}/us-east-1/platform-tools`;

beforeAll(async () => {
  // Fast clock: add-on transitions of 20-30 simulated seconds take a fraction of a second.
  c = await startConsoleOnSandbox({ speed: 200 });
  auditor = await c.signIn('auditor');
  operator = await c.signIn('operator');
});
afterAll(() => c.close());

const addonOf = async (path: string, name: string) =>
  (await auditor.json<ClusterAddons>(`${path}/addons`)).items.find((item) => item.name === name);

describe('EKS add-ons against the sandbox, through the real SDK', () => {
  it('lists a cluster’s add-ons with version, status and the newer builds for its Kubernetes version', async () => {
    const addons = await auditor.json<ClusterAddons>(`${CHECKOUT}/addons`);
    expect(addons.errors).toEqual([]);
    expect(addons.kubernetesVersion).toBe('1.34');
    const names = addons.items.map((item) => item.name);
    expect(names).toEqual(expect.arrayContaining(['coredns', 'kube-proxy', 'vpc-cni']));
    for (const item of addons.items) {
      expect(item.status).toBe('ACTIVE');
      expect(item.latestVersion).toBeTruthy();
      expect(item.updateAvailable).toBe(item.newerVersions.length > 0);
      if (item.updateAvailable) expect(item.newerVersions[0]).toBe(item.latestVersion);
    }
    // What is not installed can be: the catalogue's other add-ons, with their default build.
    expect(addons.available.map((a) => a.name)).toContain('amazon-cloudwatch-observability');
  });

  it('shows fleet drift and the DEGRADED add-on with its health issue', async () => {
    const fleet = await auditor.json<FleetAddons>('/api/addons');
    expect(fleet.errors).toEqual([]);
    const degraded = fleet.items.find(
      (item) => item.cluster === 'ml-training' && item.name === 'coredns',
    );
    expect(degraded).toMatchObject({
      status: 'DEGRADED',
      issues: [expect.objectContaining({ code: 'InsufficientNumberOfReplicas' })],
    });
    // Connected clusters have no EKS add-ons.
    expect(fleet.items.some((item) => item.cluster === 'gke-analytics')).toBe(false);
    const coredns = fleet.drift.find((d) => d.name === 'coredns')!;
    expect(coredns.unhealthy).toBeGreaterThanOrEqual(1);
    expect(coredns.behindLatest).toBe(
      fleet.items.filter((item) => item.name === 'coredns' && item.updateAvailable).length,
    );
    expect(fleet.drift.reduce((sum, d) => sum + d.behindLatest, 0)).toBeGreaterThan(0);
  });

  it('updates an add-on: UPDATING, then ACTIVE on the newest build, audited with SourceIdentity', async () => {
    const before = (await addonOf(CHECKOUT, 'vpc-cni'))!;
    const target = before.latestVersion!;
    const response = await operator.request('POST', `${CHECKOUT}/addons/vpc-cni/update`, {
      version: target,
      resolveConflicts: 'OVERWRITE',
      clientRequestToken: 'addon-update-1',
    });
    expect(response.status).toBe(202);
    const result = (await response.json()) as { update?: { type: string; status: string } };
    expect(result.update).toMatchObject({ type: 'AddonUpdate', status: 'InProgress' });
    expect((await addonOf(CHECKOUT, 'vpc-cni'))!.status).toBe('UPDATING');
    await waitFor(async () => (await addonOf(CHECKOUT, 'vpc-cni'))!.status === 'ACTIVE');
    expect((await addonOf(CHECKOUT, 'vpc-cni'))!).toMatchObject({
      version: target,
      updateAvailable: false,
    });
    const event = c.sandbox!.trail.find((e) => e.eventName === 'UpdateAddon');
    expect(event?.sourceIdentity).toBe('operator');
    const audit = await operator.json<AuditPage>('/api/audit?action=addon.update');
    expect(audit.items[0]).toMatchObject({
      user: 'operator',
      outcome: 'success',
      target: `arn:aws:eks:us-east-1:${HOME}:addon/checkout-prod/vpc-cni`,
    });
  });

  it('refuses a version that does not run on the cluster with EKS’s words', async () => {
    const response = await operator.request('POST', `${CHECKOUT}/addons/coredns/update`, {
      version: 'v1.10.1-eksbuild.18',
      clientRequestToken: 'addon-update-2',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail?: string }).detail).toMatch(
      /not supported in 1\.34/,
    );
  });

  it('a hand-edited add-on fails its update with NONE and succeeds with OVERWRITE', async () => {
    const coredns = (await addonOf(TOOLS, 'coredns'))!;
    const version = coredns.latestVersion!;
    const none = await operator.request('POST', `${TOOLS}/addons/coredns/update`, {
      version,
      resolveConflicts: 'NONE',
      clientRequestToken: 'addon-conflict-none',
    });
    expect(none.status).toBe(202);
    await waitFor(async () => (await addonOf(TOOLS, 'coredns'))!.status === 'ACTIVE');
    expect((await addonOf(TOOLS, 'coredns'))!.version).toBe(coredns.version);
    const overwrite = await operator.request('POST', `${TOOLS}/addons/coredns/update`, {
      version,
      resolveConflicts: 'OVERWRITE',
      clientRequestToken: 'addon-conflict-overwrite',
    });
    expect(overwrite.status).toBe(202);
    await waitFor(async () => (await addonOf(TOOLS, 'coredns'))!.version === version);
  });

  it('installs and removes an add-on; removal needs the typed name; auditors change nothing', async () => {
    const denied = await auditor.request('POST', `${CHECKOUT}/addons`, {
      name: 'amazon-cloudwatch-observability',
      clientRequestToken: 'addon-create-0',
    });
    expect(denied.status).toBe(403);
    const created = await operator.request('POST', `${CHECKOUT}/addons`, {
      name: 'amazon-cloudwatch-observability',
      clientRequestToken: 'addon-create-1',
    });
    expect(created.status).toBe(202);
    await waitFor(
      async () => (await addonOf(CHECKOUT, 'amazon-cloudwatch-observability'))?.status === 'ACTIVE',
    );
    const again = await operator.request('POST', `${CHECKOUT}/addons`, {
      name: 'amazon-cloudwatch-observability',
      clientRequestToken: 'addon-create-2',
    });
    expect(again.status).toBe(409);
    const unconfirmed = await operator.request(
      'DELETE',
      `${CHECKOUT}/addons/amazon-cloudwatch-observability`,
      { confirmName: 'vpc-cni' },
    );
    expect(unconfirmed.status).toBe(400);
    const deleted = await operator.request(
      'DELETE',
      `${CHECKOUT}/addons/amazon-cloudwatch-observability`,
      { confirmName: 'amazon-cloudwatch-observability' },
    );
    expect(deleted.status).toBe(202);
    await waitFor(
      async () => (await addonOf(CHECKOUT, 'amazon-cloudwatch-observability')) === undefined,
    );
  });
});
