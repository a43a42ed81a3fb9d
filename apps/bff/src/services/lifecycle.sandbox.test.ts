import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditPage,
  ChangeResult,
  ClusterDetail,
  ClusterList,
  ClusterUpdates,
  KubernetesVersionOption,
  Problem,
  RegistrationResult,
  VersionUpgradePlan,
} from '@wheelhouse/contract';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let operator: ConsoleClient;
let clockOffsetMs = 0;
const HOME = '123456789012';
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const REGION = 'eu-west-1';

beforeAll(async () => {
  c = await startConsoleOnSandbox({ speed: 200, now: () => new Date(Date.now() + clockOffsetMs) });
  operator = await c.signIn('operator');
});
afterAll(() => c.close());

let tokens = 0;
const token = () => `lifecycle-test-${++tokens}`;
const clusterPath = (name: string, region = REGION) => `/api/clusters/${HOME}/${region}/${name}`;
async function problemOf(response: Response): Promise<Problem> {
  return (await response.json()) as Problem;
}
async function detail(name: string): Promise<ClusterDetail | undefined> {
  const response = await operator.request('GET', clusterPath(name));
  return response.ok ? ((await response.json()) as ClusterDetail) : undefined;
}
// The sandbox checks that a new cluster's subnets exist, as EKS does: two private ones of its VPC.
const vpcSubnets = () =>
  c
    .sandbox!.world.region(HOME, REGION)
    .network.subnets.filter((subnet) => !subnet.public)
    .slice(0, 2)
    .map((subnet) => subnet.id);
const newCluster = (name: string, version: string) => ({
  accountId: HOME,
  region: REGION,
  name,
  version,
  roleArn: `arn:aws:iam::${HOME}:role/eks-cluster-role`,
  subnetIds: vpcSubnets(),
  endpoint: {
    endpointPublicAccess: true,
    endpointPrivateAccess: true,
    publicAccessCidrs: ['203.0.113.0/24'],
  },
  logTypes: ['api', 'audit'],
  tags: { team: 'platform' },
  clientRequestToken: token(),
});

describe('create cluster', () => {
  it('offers the versions EKS supports in the region, newest first', async () => {
    const versions = await operator.json<KubernetesVersionOption[]>(
      `/api/versions?accountId=${HOME}&region=${REGION}`,
    );
    expect(versions.length).toBeGreaterThan(2);
    expect(versions.every((v) => v.status !== 'UNSUPPORTED')).toBe(true);
    expect(versions.filter((v) => v.isDefault)).toHaveLength(1);
  });

  it('creates a cluster as the operator (SourceIdentity) that goes CREATING then ACTIVE', async () => {
    const [newest] = await operator.json<KubernetesVersionOption[]>(
      `/api/versions?accountId=${HOME}&region=${REGION}`,
    );
    const response = await operator.request(
      'POST',
      '/api/clusters',
      newCluster('created-by-test', newest!.version),
    );
    expect(response.status).toBe(202);
    const created = await detail('created-by-test');
    expect(created).toMatchObject({
      status: 'CREATING',
      enabledLogTypes: ['api', 'audit'],
      tags: { team: 'platform' },
    });
    expect(created!.networking.publicAccessCidrs).toEqual(['203.0.113.0/24']);
    await c.sandbox!.waitFor(async () => (await detail('created-by-test'))?.status === 'ACTIVE', {
      timeoutMs: 20_000,
    });
    const event = c.sandbox!.trail.find(
      (e) => e.eventName === 'CreateCluster' && e.requestParameters?.name === 'created-by-test',
    );
    expect(event?.sourceIdentity).toBe('operator');
    const audit = await operator.json<AuditPage>('/api/audit?action=cluster.create');
    expect(audit.items[0]).toMatchObject({
      user: 'operator',
      outcome: 'success',
      target: `arn:aws:eks:${REGION}:${HOME}:cluster/created-by-test`,
    });
    expect(audit.items[0]!.requestId).toBeTruthy();
  });

  it('refuses a version the region does not offer, naming the field, before calling EKS', async () => {
    const response = await operator.request('POST', '/api/clusters', newCluster('old-one', '1.21'));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]?.field).toBe('version');
  });

  it('refuses one subnet: EKS needs two Availability Zones', async () => {
    const body = { ...newCluster('one-subnet', '1.34'), subnetIds: vpcSubnets().slice(0, 1) };
    const response = await operator.request('POST', '/api/clusters', body);
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]?.field).toBe('subnetIds');
  });

  it("shows EKS's own error when the name is taken", async () => {
    const { items } = await operator.json<ClusterList>('/api/clusters');
    const taken = items.find((i) => i.accountId === HOME && i.region === REGION && !i.connected)!;
    const response = await operator.request(
      'POST',
      '/api/clusters',
      newCluster(taken.name, '1.34'),
    );
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem.awsCode).toBe('ResourceInUseException');
    expect(problem.detail).toContain(taken.name);
  });
});

describe('day-2 changes to a cluster', () => {
  async function activeCluster(): Promise<string> {
    const { items } = await operator.json<ClusterList>('/api/clusters');
    return items.find(
      (i) =>
        i.accountId === HOME &&
        i.region === REGION &&
        i.status === 'ACTIVE' &&
        !i.connected &&
        i.name !== 'created-by-test',
    )!.name;
  }

  it('updates the Kubernetes version one minor at a time', async () => {
    const name = await activeCluster();
    const plan = await operator.json<VersionUpgradePlan>(`${clusterPath(name)}/upgrade-plan`);
    expect(plan.current).toBeTruthy();
    if (!plan.next) return expect(plan.warnings.join(' ')).toContain('newest');
    const [major, minor] = plan.next.split('.').map(Number);
    const skip = await operator.request('POST', `${clusterPath(name)}/version`, {
      version: `${major}.${minor! + 1}`,
      clientRequestToken: token(),
    });
    expect(skip.status).toBe(400);
    expect((await problemOf(skip)).detail).toContain('one minor version at a time');
    const response = await operator.request('POST', `${clusterPath(name)}/version`, {
      version: plan.next,
      clientRequestToken: token(),
    });
    expect(response.status).toBe(202);
    const result = (await response.json()) as ChangeResult;
    expect(result.update).toMatchObject({ type: 'VersionUpdate', status: 'InProgress' });
    const updates = await operator.json<ClusterUpdates>(`${clusterPath(name)}/updates`);
    expect(updates.items.some((u) => u.id === result.update!.id)).toBe(true);
    await c.sandbox!.waitFor(async () => (await detail(name))?.version === plan.next, {
      timeoutMs: 20_000,
    });
  });

  it('shows a cluster past extended support its path, one minor at a time, and takes the first step', async () => {
    const legacy = clusterPath('legacy-billing', 'us-east-1');
    const plan = await operator.json<VersionUpgradePlan>(`${legacy}/upgrade-plan`);
    const supported = await operator.json<KubernetesVersionOption[]>(
      `/api/versions?accountId=${HOME}&region=us-east-1`,
    );
    const oldestSupported = supported[supported.length - 1]!.version;
    expect(plan).toMatchObject({ current: '1.30', next: '1.31', currentStatus: 'UNSUPPORTED' });
    // 1.30 → 1.31 → … up to the oldest version EKS still offers, which EKS itself would upgrade to.
    expect(plan.path![0]).toBe('1.31');
    expect(plan.path!.at(-1)).toBe(oldestSupported);
    const text = plan.warnings.join(' ');
    expect(text).toContain('1.30 is past the end of extended support (2026-07-23)');
    expect(text).toContain(`EKS upgrades such clusters itself to ${oldestSupported}`);
    expect(text).toContain('upgrade to 1.31 now');
    expect(text).not.toMatch(/does not offer|is the newest/);

    const response = await operator.request('POST', `${legacy}/version`, {
      version: '1.31',
      clientRequestToken: token(),
    });
    expect(response.status).toBe(202);
  });

  it('turns log types on and off, changes endpoint access, and edits tags', async () => {
    const { items } = await operator.json<ClusterList>('/api/clusters');
    const name = items.find(
      (i) =>
        i.accountId === HOME && i.region === 'us-east-1' && i.status === 'ACTIVE' && !i.connected,
    )!.name;
    const path = clusterPath(name, 'us-east-1');
    const logging = await operator.request('POST', `${path}/logging`, {
      enable: ['scheduler'],
      disable: [],
      clientRequestToken: token(),
    });
    expect(logging.status).toBe(202);
    expect(((await logging.json()) as ChangeResult).update?.type).toBe('LoggingUpdate');
    await c.sandbox!.waitFor(
      async () => {
        const d = await operator.json<ClusterDetail>(path);
        return d.status === 'ACTIVE' && d.enabledLogTypes.includes('scheduler');
      },
      { timeoutMs: 20_000 },
    );

    const endpoint = await operator.request('POST', `${path}/endpoint-access`, {
      endpoint: {
        endpointPublicAccess: true,
        endpointPrivateAccess: true,
        publicAccessCidrs: ['198.51.100.0/24'],
      },
      clientRequestToken: token(),
    });
    expect(endpoint.status).toBe(202);
    await c.sandbox!.waitFor(
      async () =>
        (await operator.json<ClusterDetail>(path)).networking.publicAccessCidrs[0] ===
        '198.51.100.0/24',
      { timeoutMs: 20_000 },
    );

    const tags = await operator.request('POST', `${path}/tags`, {
      add: { owner: 'sre' },
      remove: ['team'],
    });
    expect(tags.status).toBe(200);
    const after = await operator.json<ClusterDetail>(path);
    expect(after.tags.owner).toBe('sre');
    expect(after.tags.team).toBeUndefined();
  });

  it('refuses to delete a cluster that still has node groups, as EKS does, and asks for the typed name', async () => {
    const name = await activeCluster();
    const wrong = await operator.request('DELETE', clusterPath(name), {
      confirmName: 'something-else',
    });
    expect(wrong.status).toBe(400);
    expect((await problemOf(wrong)).errors?.[0]?.field).toBe('confirmName');
    const response = await operator.request('DELETE', clusterPath(name), { confirmName: name });
    expect(response.status).toBe(409);
    expect((await problemOf(response)).awsCode).toBe('ResourceInUseException');
  });
});

describe('connected clusters', () => {
  const register = (name: string) => ({
    accountId: HOME,
    region: REGION,
    name,
    provider: 'GKE',
    roleArn: `arn:aws:iam::${HOME}:role/eks-connector-agent`,
    tags: {},
    clientRequestToken: token(),
  });

  it('registers a cluster, shows the activation once with the agent install commands, and deregisters it', async () => {
    const response = await operator.request(
      'POST',
      '/api/connected-clusters',
      register('on-prem-east'),
    );
    expect(response.status).toBe(201);
    const result = (await response.json()) as RegistrationResult;
    expect(result).toMatchObject({ status: 'PENDING', provider: 'GKE' });
    expect(result.activationCode.length).toBeGreaterThan(10);
    expect(result.installCommands.join('\n')).toContain(
      `--set eks.activationCode=${result.activationCode}`,
    );
    const listed = (await operator.json<ClusterList>('/api/clusters')).items.find(
      (i) => i.name === 'on-prem-east',
    )!;
    expect(listed).toMatchObject({ connected: true, status: 'PENDING', provider: 'GKE' });
    expect(listed.activationExpiry).toBe(result.activationExpiry);
    // The detail page never shows the activation code again.
    expect(JSON.stringify(await detail('on-prem-east'))).not.toContain(result.activationCode);

    const refused = await operator.request('POST', '/api/connected-clusters', {
      ...register('bad-provider'),
      provider: 'NOMAD',
    });
    expect(refused.status).toBe(400);
    expect((await problemOf(refused)).errors?.[0]?.field).toBe('provider');

    const gone = await operator.request(
      'DELETE',
      `/api/connected-clusters/${HOME}/${REGION}/on-prem-east`,
      { confirmName: 'on-prem-east' },
    );
    expect(gone.status).toBe(202);
    await c.sandbox!.waitFor(async () => (await detail('on-prem-east')) === undefined, {
      timeoutMs: 20_000,
    });
  });

  it('prints an agent command that connects the registration when run as printed', async () => {
    const response = await operator.request(
      'POST',
      '/api/connected-clusters',
      register('agent-as-printed'),
    );
    expect(response.status).toBe(201);
    const { installCommands } = (await response.json()) as RegistrationResult;
    const command = installCommands
      .join('\n')
      .split('\n')
      .find((line) => line.startsWith('npm run sandbox -- connect'));
    expect(command).toBe(
      `npm run sandbox -- connect agent-as-printed --region ${REGION} --account ${HOME} --endpoint ${c.sandbox!.endpoint}`,
    );
    // Run from the repository root, as the README says, without WHEELHOUSE_SANDBOX_PORT.
    const [program, ...args] = command!.split(' ');
    const { WHEELHOUSE_SANDBOX_PORT: _unset, ...env } = process.env;
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(program!, args, { cwd: REPO_ROOT, env, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`agent-as-printed (${HOME} ${REGION}) is ACTIVE`);
    expect((await detail('agent-as-printed'))?.status).toBe('ACTIVE');
  });

  it('marks a registration FAILED once its activation expires unused', async () => {
    await operator.request('POST', '/api/connected-clusters', register('never-connected'));
    expect((await detail('never-connected'))?.status).toBe('PENDING');
    clockOffsetMs = 4 * 24 * 3_600_000;
    await c.sandbox!.waitFor(async () => (await detail('never-connected'))?.status === 'FAILED', {
      timeoutMs: 10_000,
    });
    clockOffsetMs = 0;
  });
});
