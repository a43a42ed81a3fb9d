import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddonConfiguration, AuditPage, ClusterAddons, Problem } from '@wheelhouse/contract';
import { waitFor } from '@wheelhouse/sandbox';
import type { ConsoleClient } from '../../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
let operator: ConsoleClient;
const HOME = '123456789012';
const TOOLS = `/api/clusters/${HOME}/us-east-1/platform-tools`;
const CLOUDWATCH = 'amazon-cloudwatch-observability';

beforeAll(async () => {
  c = await startConsoleOnSandbox({ speed: 200 });
  auditor = await c.signIn('auditor');
  operator = await c.signIn('operator');
});
afterAll(() => c.close());

const addonOf = async (name: string) =>
  (await auditor.json<ClusterAddons>(`${TOOLS}/addons`)).items.find((item) => item.name === name);
const callsOf = (eventName: string) =>
  c.sandbox!.trail.filter((event) => event.eventName === eventName);

describe('add-on configuration against the sandbox, through the real SDK', () => {
  it('reads the schema of the cluster’s default build, or of the build asked for', async () => {
    const addons = await auditor.json<ClusterAddons>(`${TOOLS}/addons`);
    const coredns = addons.items.find((item) => item.name === 'coredns')!;
    const ofDefault = await auditor.json<AddonConfiguration>(
      `${TOOLS}/addons/coredns/configuration`,
    );
    expect(ofDefault.version).toBe(coredns.defaultVersion);
    expect(JSON.parse(ofDefault.schema)).toMatchObject({
      type: 'object',
      additionalProperties: false,
      properties: { replicaCount: { type: 'integer' } },
    });
    const vpcCni = addons.items.find((item) => item.name === 'vpc-cni')!;
    const named = await auditor.json<AddonConfiguration>(
      `${TOOLS}/addons/vpc-cni/configuration?version=${vpcCni.version}`,
    );
    expect(named).toMatchObject({
      name: 'vpc-cni',
      version: vpcCni.version,
      podIdentity: [{ serviceAccount: 'aws-node' }],
    });
    const badVersion = await auditor.request(
      'GET',
      `${TOOLS}/addons/coredns/configuration?version=latest`,
    );
    expect(badVersion.status).toBe(400);
    expect(((await badVersion.json()) as Problem).errors?.[0]?.field).toBe('version');
  });

  it('refuses values the schema does not accept with 400 on configurationValues, before EKS is asked', async () => {
    const creates = callsOf('CreateAddon').length;
    const response = await operator.request('POST', `${TOOLS}/addons`, {
      name: CLOUDWATCH,
      configurationValues: JSON.stringify({ containerLogs: { enabled: 'yes' }, colour: 'blue' }),
      clientRequestToken: 'addon-config-bad',
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors).toEqual([
      {
        field: 'configurationValues',
        message: expect.stringContaining('/containerLogs/enabled: must be boolean'),
      },
    ]);
    expect(problem.errors?.[0]?.message).toContain('/colour: is not allowed by the schema');
    expect(callsOf('CreateAddon')).toHaveLength(creates);

    const update = await operator.request('POST', `${TOOLS}/addons/kube-proxy/update`, {
      version: (await addonOf('kube-proxy'))!.version,
      configurationValues: '{"mode":"nftables"}',
      clientRequestToken: 'addon-config-bad-update',
    });
    expect(update.status).toBe(400);
    expect(((await update.json()) as Problem).errors?.[0]).toMatchObject({
      field: 'configurationValues',
      message: expect.stringContaining('/mode: must be equal to one of the allowed values'),
    });
    expect(callsOf('UpdateAddon')).toHaveLength(0);
  });

  it('installs with configuration values: CREATING, then ACTIVE; removes it keeping its objects', async () => {
    const denied = await auditor.request('POST', `${TOOLS}/addons`, {
      name: CLOUDWATCH,
      clientRequestToken: 'addon-config-auditor',
    });
    expect(denied.status).toBe(403);
    const values = JSON.stringify({ containerLogs: { enabled: false } });
    const created = await operator.request('POST', `${TOOLS}/addons`, {
      name: CLOUDWATCH,
      configurationValues: values,
      clientRequestToken: 'addon-config-install',
    });
    expect(created.status).toBe(202);
    expect((await addonOf(CLOUDWATCH))?.status).toBe('CREATING');
    await waitFor(async () => (await addonOf(CLOUDWATCH))?.status === 'ACTIVE');
    expect((await addonOf(CLOUDWATCH))?.configurationValues).toBe(values);
    expect(callsOf('CreateAddon').at(-1)?.sourceIdentity).toBe('operator');

    const deniedDelete = await auditor.request('DELETE', `${TOOLS}/addons/${CLOUDWATCH}`, {
      confirmName: CLOUDWATCH,
      preserve: true,
    });
    expect(deniedDelete.status).toBe(403);
    const deleted = await operator.request('DELETE', `${TOOLS}/addons/${CLOUDWATCH}`, {
      confirmName: CLOUDWATCH,
      preserve: true,
    });
    expect(deleted.status).toBe(202);
    expect(callsOf('DeleteAddon').at(-1)?.requestParameters).toMatchObject({ preserve: 'true' });
    await waitFor(async () => (await addonOf(CLOUDWATCH)) === undefined);
    const audit = await operator.json<AuditPage>('/api/audit?action=addon.delete');
    expect(audit.items[0]).toMatchObject({
      user: 'operator',
      outcome: 'success',
      params: { preserve: true },
    });
  });

  it('leaves the check to EKS when the schema cannot be read, and EKS still refuses in its words', async () => {
    c.sandbox!.faults.add({
      service: 'eks',
      operation: 'DescribeAddonConfiguration',
      errorCode: 'AccessDeniedException',
      errorStatus: 403,
      errorMessage: 'User is not authorized to perform: eks:DescribeAddonConfiguration',
    });
    try {
      const refused = await operator.request('POST', `${TOOLS}/addons`, {
        name: CLOUDWATCH,
        version: 'v4.1.0-eksbuild.1',
        configurationValues: JSON.stringify({ colour: 'blue' }),
        clientRequestToken: 'addon-config-no-schema',
      });
      expect(refused.status).toBe(400);
      const problem = (await refused.json()) as Problem;
      expect(problem.awsCode).toBe('InvalidParameterException');
      expect(problem.detail).toContain('$.colour: is not defined in the schema');
    } finally {
      c.sandbox!.faults.clear();
    }
  });
});
