import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type {
  AuditPage,
  AutoscalingView,
  DisruptionPreview,
  DrainResult,
  KubeActionResult,
  NodeList,
  PodDetail,
  PodList,
  Problem,
  WorkloadList,
} from '@wheelhouse/contract';
import { waitFor } from '@wheelhouse/sandbox';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let operator: ConsoleClient;
let admin: ConsoleClient;
const CLUSTER = ['123456789012', 'us-east-1', 'checkout-prod'] as const;
const K8S = `/api/clusters/${CLUSTER.join('/')}/k8s`;

beforeAll(async () => {
  c = await startConsoleOnSandbox({});
  // No grant to the console: it impersonates the user, and the cluster's RBAC lets operators act.
  operator = await c.signIn('operator');
  admin = await c.signIn('admin');
});
afterAll(() => c.close());

/**
 * The pods of payments that will stay: not finished and not being deleted. A pod an earlier test
 * evicted or a rollout replaced is still listed (and ready) through its grace period; one picked to
 * exec into or to guard with a budget must not vanish halfway through the test.
 */
const livePods = async (prefix: string) => {
  const kube = c.sandbox!.kubernetes!;
  const store = kube.kubeOf(kube.findCluster(...CLUSTER)!)!.store;
  return (await operator.json<PodList>(`${K8S}/pods?namespace=payments&limit=5000`)).items.filter(
    (pod) =>
      pod.name.startsWith(prefix) &&
      pod.phase !== 'Succeeded' &&
      pod.phase !== 'Failed' &&
      !store.get('pods', 'payments', pod.name)?.metadata.deletionTimestamp,
  );
};

async function auditOf(action: string, user = 'operator') {
  return (await admin.json<AuditPage>(`/api/audit?user=${user}&limit=200`)).items.filter(
    (entry) => entry.action === action,
  );
}

async function withoutHpa(): Promise<string> {
  const workloads = await operator.json<WorkloadList>(`${K8S}/workloads?namespace=payments`);
  const autoscaling = await operator.json<AutoscalingView>(`${K8S}/autoscaling`);
  const scaled = new Set(autoscaling.hpas.map((hpa) => `${hpa.namespace}/${hpa.target}`));
  const deployment = workloads.items.find(
    (w) =>
      w.kind === 'Deployment' &&
      w.ready > 0 &&
      w.ready === w.desired &&
      !scaled.has(`payments/Deployment/${w.name}`),
  );
  return deployment!.name;
}

describe('workload actions against the sandbox', () => {
  it('restarts a deployment: new pods replace the old ones, audited with the identity', async () => {
    const name = await withoutHpa();
    const before = await livePods(`${name}-`);
    expect(before.length).toBeGreaterThan(0);
    const response = await operator.request(
      'POST',
      `${K8S}/workloads/deployments/payments/${name}/restart`,
    );
    expect(response.status).toBe(200);
    const result = (await response.json()) as KubeActionResult;
    expect(result.identity).toEqual({ as: 'user', principal: 'operator' });
    const old = new Set(before.map((pod) => pod.name));
    await waitFor(
      async () => {
        const now = await livePods(`${name}-`);
        const fresh = now.filter((pod) => !old.has(pod.name) && pod.ready);
        return fresh.length === before.length && now.every((pod) => !old.has(pod.name));
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const [entry] = await auditOf('workload.restart');
    expect(entry).toMatchObject({ outcome: 'success', id: result.auditId });
    expect(JSON.stringify(entry!.params)).toContain('"as":"user","principal":"operator"');
  });

  it('refuses to scale a deployment whose replicas an HPA owns, and scales one without', async () => {
    const autoscaling = await operator.json<AutoscalingView>(`${K8S}/autoscaling`);
    const hpa = autoscaling.hpas.find((h) => h.target.startsWith('Deployment/'))!;
    const owned = hpa.target.slice('Deployment/'.length);
    const refused = await operator.request(
      'POST',
      `${K8S}/workloads/deployments/${hpa.namespace}/${owned}/scale`,
      { replicas: 1 },
    );
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Problem).detail).toContain(
      `The HorizontalPodAutoscaler ${hpa.name} owns the replicas`,
    );
    const name = await withoutHpa();
    const scaled = await operator.request(
      'POST',
      `${K8S}/workloads/deployments/payments/${name}/scale`,
      { replicas: 3 },
    );
    expect(scaled.status).toBe(200);
    await waitFor(async () => (await livePods(`${name}-`)).length === 3, {
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    const bad = await operator.request(
      'POST',
      `${K8S}/workloads/deployments/payments/${name}/scale`,
      {
        replicas: -1,
      },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('replicas');
  });

  it('refuses to delete a pod when the typed name is wrong, and deletes it when right', async () => {
    const [pod] = await livePods('');
    const path = `${K8S}/pods/payments/${pod!.name}`;
    const wrong = await operator.request('DELETE', path, { confirmName: 'not-the-pod' });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as Problem).errors?.[0]?.field).toBe('confirmName');
    expect((await livePods(pod!.name)).length).toBe(1);
    const right = await operator.request('DELETE', path, {
      confirmName: pod!.name,
      gracePeriodSeconds: 0,
    });
    expect(right.status).toBe(200);
    expect((await livePods(pod!.name)).length).toBe(0);
  });

  it('shows a pod deleted with a grace period as Terminating until the kubelet lets it go', async () => {
    const [pod] = await livePods('');
    const path = `${K8S}/pods/payments/${pod!.name}`;
    const response = await operator.request('DELETE', path, {
      confirmName: pod!.name,
      gracePeriodSeconds: 30,
    });
    expect(response.status).toBe(200);
    const listed = async () =>
      (await operator.json<PodList>(`${K8S}/pods?namespace=payments&limit=5000`)).items.find(
        (p) => p.uid === pod!.uid,
      );
    expect((await listed())?.reason).toBe('Terminating');
    await waitFor(async () => (await listed()) === undefined, {
      timeoutMs: 30_000,
      intervalMs: 300,
    });
  });

  it('drains a node: the PDB that blocks is reported per pod and shown in the preview, not overridden', async () => {
    const kube = c.sandbox!.kubernetes!;
    const cluster = kube.kubeOf(kube.findCluster(...CLUSTER)!)!;
    // A budget that tolerates no disruption at all: every eviction of its pods must be refused.
    const budget = cluster.store.get<
      { spec: Record<string, unknown> } & Parameters<typeof cluster.store.update>[1]
    >('poddisruptionbudgets', 'payments', 'checkout-api')!;
    cluster.store.update('poddisruptionbudgets', budget, (draft) => {
      (draft as unknown as { spec: Record<string, unknown> }).spec = {
        ...(draft as unknown as { spec: Record<string, unknown> }).spec,
        minAvailable: '100%',
        maxUnavailable: undefined,
      };
    });
    const [guarded] = (await livePods('checkout-api-')).filter((pod) => pod.ready && pod.node);
    const node = guarded!.node!;
    await waitFor(
      async () => {
        const preview = await operator.json<DisruptionPreview>(
          `${K8S}/nodes/${node}/drain/preview`,
        );
        // Wait for the disruption controller's recount of the new terms: until then the budget
        // still reports the allowance of the old ones and an eviction may spend it.
        return preview.budgets.some(
          (b) => b.name === 'checkout-api' && b.violated && b.disruptionsAllowed === 0,
        );
      },
      { timeoutMs: 20_000, intervalMs: 300 },
    );
    const response = await operator.request('POST', `${K8S}/nodes/${node}/drain`);
    expect(response.status).toBe(200);
    const result = (await response.json()) as DrainResult;
    const blocked = result.pods.find((pod) => pod.name === guarded!.name)!;
    expect(blocked.outcome).toBe('blocked');
    expect(blocked.message).toContain(
      "Cannot evict pod as it would violate the pod's disruption budget.",
    );
    expect((await livePods(guarded!.name))[0]?.node).toBe(node);
    const nodes = await operator.json<NodeList>(`${K8S}/nodes`);
    expect(nodes.items.find((n) => n.name === node)?.unschedulable).toBe(true);
    const uncordon = await operator.request('POST', `${K8S}/nodes/${node}/uncordon`);
    expect(uncordon.status).toBe(200);
    const after = await operator.json<NodeList>(`${K8S}/nodes`);
    expect(after.items.find((n) => n.name === node)?.unschedulable).toBe(false);
  });
});

/** Opens the exec WebSocket as a browser on the console would, with its cookie and Origin. */
function openExec(
  client: ConsoleClient,
  pod: { namespace: string; name: string },
  command: string,
  options: { origin?: string; container?: string } = {},
) {
  const url = new URL(`${K8S}/pods/${pod.namespace}/${pod.name}/exec`, c.url.replace('http', 'ws'));
  url.searchParams.set('container', options.container ?? 'app');
  url.searchParams.set('command', command);
  return new WebSocket(url, {
    headers: { cookie: client.cookieHeader(), origin: options.origin ?? c.url },
  });
}

async function refusalOf(socket: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('open', () => reject(new Error('the WebSocket was accepted')));
  });
}

describe('pod exec through the console WebSocket', () => {
  async function runningPod() {
    const pods = await livePods('');
    return pods.find((pod) => pod.ready)!;
  }

  it('runs `echo hi` and answers hi, audited with bytes and exit code', async () => {
    const pod = await runningPod();
    const containers = await operator.json<PodDetail>(`${K8S}/pods/payments/${pod.name}`);
    const exec = openExec(operator, pod, 'echo hi', {
      container: containers.containerDetails.find((x) => !x.init)!.name,
    });
    let output = '';
    const exit = await new Promise<{ code?: number }>((resolve, reject) => {
      exec.on('message', (data: Buffer, isBinary) => {
        if (isBinary) output += data.toString('utf8');
        else resolve(JSON.parse(data.toString('utf8')) as { code?: number });
      });
      exec.once('error', reject);
    });
    expect(output.trim()).toBe('hi');
    expect(exit.code).toBe(0);
    await new Promise((resolve) => exec.once('close', resolve));
    await waitFor(async () => (await auditOf('pod.exec.end')).length > 0, { timeoutMs: 5000 });
    const [started] = await auditOf('pod.exec');
    expect(started).toMatchObject({ outcome: 'success' });
    expect(started!.params).toMatchObject({ command: ['echo', 'hi'] });
    const [ended] = await auditOf('pod.exec.end');
    expect(ended!.params).toMatchObject({ session: started!.id, exitCode: 0, bytesIn: 0 });
    expect((ended!.params as { bytesOut: number }).bytesOut).toBe(Buffer.byteLength(output));
  });

  it("answers an auditor's exec attempt 403 and records it", async () => {
    const auditor = await c.signIn('auditor');
    const pod = await runningPod();
    expect(await refusalOf(openExec(auditor, pod, 'sh'))).toBe(403);
    const [denied] = await auditOf('pod.exec', 'auditor');
    expect(denied).toMatchObject({ outcome: 'denied', role: 'auditor' });
  });

  it('refuses a foreign Origin and a missing session before upgrading', async () => {
    const pod = await runningPod();
    expect(await refusalOf(openExec(operator, pod, 'sh', { origin: 'https://evil.example' }))).toBe(
      403,
    );
    const anonymous = new WebSocket(
      new URL(
        `${K8S}/pods/payments/${pod.name}/exec?container=app&command=sh`,
        c.url.replace('http', 'ws'),
      ),
      { headers: { origin: c.url } },
    );
    expect(await refusalOf(anonymous)).toBe(401);
  });

  it("closes the terminal when the user's console session ends", async () => {
    const pod = await runningPod();
    const detail = await operator.json<PodDetail>(`${K8S}/pods/payments/${pod.name}`);
    const user = await c.signIn('operator');
    const shell = openExec(user, pod, 'sh', {
      container: detail.containerDetails.find((x) => !x.init)!.name,
    });
    await new Promise((resolve) => shell.once('open', resolve));
    const closed = new Promise<number>((resolve) => shell.once('close', (code) => resolve(code)));
    expect((await user.request('DELETE', '/api/session')).status).toBeLessThan(300);
    expect(await closed).toBe(4401);
  });
});
