import { request as httpsRequest } from 'node:https';
import {
  CreateAccessEntryCommand,
  DeleteAccessEntryCommand,
  DescribeClusterCommand,
  EKSClient,
} from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AutoscalingView,
  NodeSummary,
  PodDetail,
  PodList,
  PodSummary,
  Problem,
  WatchEvent,
  WorkloadList,
} from '@wheelhouse/contract';
import { isMutation } from '../http/routing.ts';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';
import { eksToken } from '../upstream/eksToken.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
const HOME = '123456789012';
const CHECKOUT = `/api/clusters/${HOME}/us-east-1/checkout-prod/k8s`;
const PLATFORM = `/api/clusters/${HOME}/us-east-1/platform-tools/k8s`;

beforeAll(async () => {
  c = await startConsoleOnSandbox({ speed: 20 });
  auditor = await c.signIn('auditor');
});
afterAll(() => c.close());

async function allPods(path: string, limit: number): Promise<PodSummary[]> {
  const pods: PodSummary[] = [];
  let next: string | undefined;
  do {
    const page = await auditor.json<PodList>(
      `${path}/pods?limit=${limit}${next ? `&continue=${encodeURIComponent(next)}` : ''}`,
    );
    pods.push(...page.items);
    next = page.continue;
  } while (next);
  return pods;
}

describe("a cluster's Kubernetes API through the console", () => {
  it('pages through every pod with limit/continue and says where each runs', async () => {
    const paged = await allPods(CHECKOUT, 7);
    const whole = await allPods(CHECKOUT, 5000);
    expect(paged.map((p) => p.uid).sort()).toEqual(whole.map((p) => p.uid).sort());
    expect(new Set(paged.map((p) => p.uid)).size).toBe(paged.length);
    expect(paged.some((p) => p.runsOn.kind === 'managed' && p.runsOn.name === 'general-od')).toBe(
      true,
    );
    const fargate = (await allPods(PLATFORM, 500)).filter((p) => p.runsOn.kind === 'fargate');
    expect(fargate.length).toBeGreaterThan(0);
    expect(fargate.every((p) => p.runsOn.name?.startsWith('fp-'))).toBe(true);
  });

  it('lets the Kubernetes API filter by namespace, node and phase', async () => {
    const whole = await allPods(CHECKOUT, 5000);
    const node = whole.find((p) => p.node)!.node!;
    const onNode = await auditor.json<PodList>(`${CHECKOUT}/pods?node=${node}`);
    expect(onNode.items.length).toBe(whole.filter((p) => p.node === node).length);
    const running = await auditor.json<PodList>(
      `${CHECKOUT}/pods?phase=Running&namespace=payments`,
    );
    expect(running.items.length).toBe(
      whole.filter((p) => p.phase === 'Running' && p.namespace === 'payments').length,
    );
    expect(running.items.every((p) => p.namespace === 'payments' && p.phase === 'Running')).toBe(
      true,
    );
  });

  it('shows a crash-looping pod with its events and the log of the previous container', async () => {
    const whole = await allPods(CHECKOUT, 5000);
    const looping = whole.find((p) => p.reason === 'CrashLoopBackOff')!;
    expect(looping).toBeDefined();
    const detail = await auditor.json<PodDetail>(
      `${CHECKOUT}/pods/${looping.namespace}/${looping.name}`,
    );
    expect(detail.restarts).toBeGreaterThan(0);
    expect(detail.containerDetails[0]).toMatchObject({
      state: 'waiting',
      stateReason: 'CrashLoopBackOff',
    });
    expect(detail.events.some((e) => e.reason === 'BackOff')).toBe(true);
    const container = detail.containerDetails.find((d) => !d.init)!.name;
    const previous = await auditor.request(
      'GET',
      `${CHECKOUT}/pods/${looping.namespace}/${looping.name}/log?container=${container}&previous=true&tailLines=50`,
    );
    expect(previous.status).toBe(200);
    expect((await previous.text()).trim().split('\n').length).toBeGreaterThan(0);
  });

  it('stamps each log line with its time when asked (timestamps=true), as Kubernetes does', async () => {
    const running = (
      await auditor.json<PodList>(`${CHECKOUT}/pods?phase=Running&namespace=payments`)
    ).items[0]!;
    const log = `${CHECKOUT}/pods/payments/${running.name}/log?tailLines=5`;
    const stamped = (await (await auditor.request('GET', `${log}&timestamps=true`)).text())
      .trim()
      .split('\n');
    expect(stamped.length).toBeGreaterThan(0);
    for (const line of stamped) {
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \S/);
    }
    const plain = (await (await auditor.request('GET', log)).text()).trim().split('\n');
    expect(plain[0]).not.toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("labels the log refusal of a container that never started as the Kubernetes API's, not AWS's", async () => {
    const whole = await allPods(CHECKOUT, 5000);
    const pulling = whole.find((p) => p.reason === 'ImagePullBackOff')!;
    expect(pulling).toBeDefined();
    const response = await auditor.request(
      'GET',
      `${CHECKOUT}/pods/${pulling.namespace}/${pulling.name}/log?tailLines=50`,
    );
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.kubeReason).toBe('BadRequest');
    expect(problem.awsCode).toBeUndefined();
    expect(problem.detail).toMatch(/is waiting to start/);
  });

  it('follows a log as the pod writes it', async () => {
    const running = (
      await auditor.json<PodList>(`${CHECKOUT}/pods?phase=Running&namespace=payments`)
    ).items[0]!;
    const abort = new AbortController();
    const response = await auditor.request(
      'GET',
      `${CHECKOUT}/pods/payments/${running.name}/log?follow=true&tailLines=1`,
      undefined,
      {},
      abort.signal,
    );
    const reader = response.body!.getReader();
    let text = '';
    while (text.split('\n').filter(Boolean).length < 3) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    expect(text.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(3);
  });

  it('relays pod changes over server-sent events as they happen', async () => {
    const list = await auditor.json<PodList>(`${CHECKOUT}/pods?namespace=web&limit=500`);
    const abort = new AbortController();
    const response = await auditor.request(
      'GET',
      `${CHECKOUT}/watch?kind=pods&namespace=web&resourceVersion=${list.resourceVersion}`,
      undefined,
      {},
      abort.signal,
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const deployment = (
      await auditor.json<WorkloadList>(`${CHECKOUT}/workloads?namespace=web`)
    ).items.find((w) => w.kind === 'Deployment')!;
    await fetch(
      `${c.sandbox!.endpoint}/_sandbox/clusters/${HOME}/us-east-1/checkout-prod/deployments/web/${deployment.name}/scale`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ replicas: deployment.desired + 2 }),
      },
    );
    const reader = response.body!.getReader();
    const events: WatchEvent[] = [];
    let buffer = '';
    while (!events.some((e) => e.kind === 'pod' && e.type === 'ADDED')) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      const frames = buffer.split('\n\n');
      buffer = frames.pop()!;
      for (const frame of frames) {
        const data = frame.split('\n').find((line) => line.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)) as WatchEvent);
      }
    }
    abort.abort();
    const added = events.find((e) => e.kind === 'pod' && e.type === 'ADDED');
    expect(added && added.kind === 'pod' && added.object.owner).toEqual({
      kind: 'Deployment',
      name: deployment.name,
    });
  });

  it('sums requests against allocatable per node and finds the node autoscaler', async () => {
    const nodes = await auditor.json<{ items: NodeSummary[] }>(`${CHECKOUT}/nodes`);
    expect(nodes.items.length).toBeGreaterThan(2);
    const busy = nodes.items.find((n) => n.pods > 0)!;
    expect(busy.requested.cpuMillis).toBeGreaterThan(0);
    expect(busy.allocatable.cpuMillis).toBeGreaterThan(busy.requested.cpuMillis);
    expect(nodes.items.some((n) => n.capacityType === 'SPOT')).toBe(true);
    const autoscaling = await auditor.json<AutoscalingView>(`${CHECKOUT}/autoscaling`);
    expect(autoscaling.hpas.length).toBeGreaterThan(0);
    expect(autoscaling.hpas[0]!.metrics[0]).toMatchObject({ name: 'cpu' });
  });
});

describe('Vertical Pod Autoscalers through the console', () => {
  it('lists the VPAs beside the HPAs, with what they recommend per container', async () => {
    const view = await auditor.json<AutoscalingView>(`${CHECKOUT}/autoscaling`);
    expect(view.vpaInstalled).toBe(true);
    expect(view.verticalAutoscalersHidden).toBeUndefined();
    expect(view.hpas.length).toBeGreaterThan(0);
    const byName = new Map(view.verticalAutoscalers.map((vpa) => [vpa.name, vpa]));
    expect(byName.get('payments-gateway')).toMatchObject({
      namespace: 'payments',
      target: { kind: 'Deployment', name: 'payments-gateway' },
      updateMode: 'Off',
      provided: true,
    });
    const resizer = byName.get('image-resizer')!;
    expect(resizer.updateMode).toBe('Auto');
    const [container] = resizer.containers;
    expect(container!.container).toBe('image-resizer');
    // Its policy caps CPU at 250m: the uncapped target says what it would want.
    expect(container!.target.cpuMillis).toBe(250);
    expect(container!.uncappedTarget.cpuMillis).toBeGreaterThan(250);
    expect(container!.lowerBound.cpuMillis).toBeLessThanOrEqual(250);
    expect(container!.target.memoryBytes).toBeGreaterThanOrEqual(250 * 2 ** 20);
  });

  it('says the VPA is not installed on a cluster without its CRD, and still lists the HPAs', async () => {
    const view = await auditor.json<AutoscalingView>(`${PLATFORM}/autoscaling`);
    expect(view).toMatchObject({ vpaInstalled: false, verticalAutoscalers: [] });
    expect(view.nodeAutoscalers).toBeDefined();
  });

  it("shows a pod's requests against the recommendation of the VPA over its Deployment", async () => {
    const pods = await auditor.json<PodList>(
      `${CHECKOUT}/pods?namespace=payments&labelSelector=app%3Dpayments-gateway`,
    );
    const pod = await auditor.json<PodDetail>(`${CHECKOUT}/pods/payments/${pods.items[0]!.name}`);
    const recommendation = pod.containerDetails[0]!.recommendation!;
    expect(recommendation).toMatchObject({
      vpa: 'payments-gateway',
      updateMode: 'Off',
      requested: { cpuMillis: 200, memoryBytes: 384 * 2 ** 20 },
    });
    // It uses about a third of its CPU request: the request is above the upper bound.
    expect(recommendation.upperBound.cpuMillis).toBeLessThan(200);
    const other = await auditor.json<PodList>(
      `${CHECKOUT}/pods?namespace=payments&labelSelector=app%3Dcheckout-api`,
    );
    const plain = await auditor.json<PodDetail>(
      `${CHECKOUT}/pods/payments/${other.items[0]!.name}`,
    );
    expect(plain.containerDetails.every((c) => c.recommendation === undefined)).toBe(true);
  });

  it('keeps the HPAs for a person whose RBAC leaves VPAs out, saying why they are hidden', async () => {
    const operator = await c.signIn('operator');
    const view = await operator.json<AutoscalingView>(`${CHECKOUT}/autoscaling`);
    expect(view.hpas.length).toBeGreaterThan(0);
    expect(view.verticalAutoscalers).toEqual([]);
    expect(view.verticalAutoscalersHidden).toContain(
      'Your groups (wheelhouse:operator) may not list verticalpodautoscalers across all namespaces.',
    );
    const pods = await operator.json<PodList>(
      `${CHECKOUT}/pods?namespace=payments&labelSelector=app%3Dpayments-gateway`,
    );
    const pod = await operator.json<PodDetail>(`${CHECKOUT}/pods/payments/${pods.items[0]!.name}`);
    expect(pod.containerDetails[0]!.recommendation).toBeUndefined();
  });
});

describe('when the console may not read a cluster', () => {
  /** The problem the console answers for qa-integration's pods (a cluster of the second account). */
  async function qaPodsProblem(): Promise<Problem> {
    const response = await auditor.request(
      'GET',
      '/api/clusters/210987654321/us-east-1/qa-integration/k8s/pods',
    );
    expect(response.status).toBe(403);
    return (await response.json()) as Problem;
  }

  it('says which access entry is missing and how to add it, instead of failing blank', async () => {
    const problem = await qaPodsProblem();
    expect(problem.detail).toContain('no access entry on this cluster');
    expect(problem.detail).toContain('401 Unauthorized');
    expect(problem.remedy?.[0]).toBe(
      'aws eks create-access-entry --cluster-name qa-integration --region us-east-1 --principal-arn arn:aws:iam::210987654321:role/WheelhouseReadOnly',
    );
    expect(problem.remedy?.[1]).toContain('AmazonEKSViewPolicy');
  });

  it('tells an identity that is let in but granted nothing which policy to associate', async () => {
    const owner = c.sandbox!.accounts[1]!;
    const eks = new EKSClient({
      region: 'us-east-1',
      endpoint: c.sandbox!.endpoint,
      credentials: { accessKeyId: owner.accessKeyId, secretAccessKey: owner.secretAccessKey },
    });
    const entry = { clusterName: 'qa-integration', principalArn: owner.readOnlyRoleArn };
    await eks.send(new CreateAccessEntryCommand(entry));
    try {
      const problem = await qaPodsProblem();
      expect(problem.detail).toContain('let into this cluster but may not read this');
      expect(problem.detail).toContain('403 Forbidden');
      expect(problem.remedy).toEqual([
        'aws eks associate-access-policy --cluster-name qa-integration --region us-east-1 --principal-arn arn:aws:iam::210987654321:role/WheelhouseReadOnly --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=cluster',
      ]);
    } finally {
      await eks.send(new DeleteAccessEntryCommand(entry));
      eks.destroy();
    }
  });

  it('writes to a cluster only through change routes: operators and admins, each audited', () => {
    const kubeRoutes = c.routes.filter((route) => route.path.includes('/k8s'));
    const writes = kubeRoutes.filter((route) => isMutation(route.method));
    expect(writes.length).toBeGreaterThan(5);
    for (const route of writes) {
      expect({ path: route.path, access: route.access }).toEqual({
        path: route.path,
        access: 'change',
      });
      expect(route.action, `${route.method} ${route.path}`).toMatch(/^(workload|pod|node)\./);
    }
  });
});

describe("the console's EKS tokens, as the cluster judges them", () => {
  const home = () => c.sandbox!.accounts[0]!;
  async function cluster(name: string) {
    const eks = new EKSClient({
      region: 'us-east-1',
      endpoint: c.sandbox!.endpoint,
      credentials: home(),
    });
    const { cluster: described } = await eks.send(new DescribeClusterCommand({ name }));
    eks.destroy();
    return described!;
  }
  async function call(
    name: string,
    token: string,
    method = 'GET',
    path = '/api/v1/namespaces/default/pods',
  ): Promise<number> {
    const target = await cluster(name);
    const url = new URL(path, target.endpoint);
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        url,
        {
          method,
          ca: Buffer.from(target.certificateAuthority!.data!, 'base64').toString(),
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(
        method === 'POST'
          ? JSON.stringify({
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: { name: 'x' },
              spec: { containers: [{ name: 'x', image: 'busybox' }] },
            })
          : undefined,
      );
    });
  }
  const token = (clusterName: string, now?: Date) =>
    eksToken({
      clusterName,
      region: 'us-east-1',
      credentials: async () => home(),
      stsEndpoint: new URL(c.sandbox!.endpoint),
      ...(now ? { now } : {}),
    }).then((t) => t.token);

  it('accepts a fresh token for its own cluster', async () => {
    expect(await call('checkout-prod', await token('checkout-prod'))).toBe(200);
  });

  it('refuses an expired token and a token made for another cluster', async () => {
    expect(
      await call('checkout-prod', await token('checkout-prod', new Date(Date.now() - 20 * 60_000))),
    ).toBe(401);
    expect(await call('checkout-prod', await token('platform-tools'))).toBe(401);
  });

  it('lets a view-only identity read but not write', async () => {
    expect(await call('checkout-prod', await token('checkout-prod'), 'POST')).toBe(403);
  });
});
