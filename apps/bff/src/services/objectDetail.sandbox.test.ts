import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AutoscalingView,
  ClusterEventList,
  ObjectDetail,
  PodList,
  PodSummary,
  Problem,
} from '@wheelhouse/contract';
import { parse } from 'yaml';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
const HOME = '123456789012';
const CHECKOUT = `/api/clusters/${HOME}/us-east-1/checkout-prod/k8s`;

beforeAll(async () => {
  c = await startConsoleOnSandbox({ speed: 20 });
  auditor = await c.signIn('auditor');
});
afterAll(() => c.close());

const pods = async () => (await auditor.json<PodList>(`${CHECKOUT}/pods?limit=5000`)).items;
const detail = (path: string) => auditor.json<ObjectDetail>(`${CHECKOUT}/objects/${path}`);

describe('the detail view of one Kubernetes object', () => {
  it("walks a deployment's pod up to its ReplicaSet and Deployment, and back down", async () => {
    // The pods table names a ReplicaSet's pods by their Deployment; the detail view walks the real chain.
    const all = await pods();
    const pod = all.find(
      (p: PodSummary) => p.owner?.kind === 'Deployment' && p.phase === 'Running',
    )!;
    const deployment = pod.owner!.name;

    const podView = await detail(`pods/${pod.namespace}/${pod.name}`);
    expect(podView.kind).toBe('Pod');
    const [replicaSet, top] = podView.owners;
    expect(podView.owners).toHaveLength(2);
    expect(replicaSet).toMatchObject({ kind: 'ReplicaSet', resource: 'replicasets' });
    expect(replicaSet!.name.startsWith(`${deployment}-`)).toBe(true);
    expect(top).toMatchObject({ kind: 'Deployment', name: deployment, resource: 'deployments' });
    expect(podView.owners.every((o) => o.namespace === pod.namespace && !o.missing)).toBe(true);

    const deploymentView = await detail(`deployments/${pod.namespace}/${deployment}`);
    expect(deploymentView.owners).toEqual([]);
    expect(deploymentView.owns.map((o) => o.name)).toContain(replicaSet!.name);

    const replicaSetView = await detail(`replicasets/${pod.namespace}/${replicaSet!.name}`);
    const owned = replicaSetView.owns.map((o) => o.name);
    expect(owned).toContain(pod.name);
    // Only the pods it owns: every owned pod names this ReplicaSet as its owner in turn.
    for (const name of owned.slice(0, 5)) {
      const child = await detail(`pods/${pod.namespace}/${name}`);
      expect(child.owners[0]?.name).toBe(replicaSet!.name);
    }
  });

  it('gives the YAML the API server holds, managedFields apart', async () => {
    const pod = (await pods()).find((p) => p.phase === 'Running')!;
    const view = await detail(`pods/${pod.namespace}/${pod.name}`);
    const object = parse(view.yaml) as {
      kind: string;
      metadata: { name: string; uid: string; managedFields?: unknown };
      spec: { containers: unknown[] };
    };
    expect(object.kind).toBe('Pod');
    expect(object.metadata.name).toBe(pod.name);
    expect(object.metadata.uid).toBe(pod.uid);
    expect(object.metadata.managedFields).toBeUndefined();
    expect(object.spec.containers.length).toBeGreaterThan(0);
    if (view.managedFieldsCount > 0) {
      expect((parse(view.managedFieldsYaml!) as unknown[]).length).toBe(view.managedFieldsCount);
    }
  });

  it("folds a crash-looping pod's events by reason, with counts and first/last seen", async () => {
    const looping = (await pods()).find((p) => p.reason === 'CrashLoopBackOff')!;
    const view = await detail(`pods/${looping.namespace}/${looping.name}`);
    const backOff = view.events.find((g) => g.reason === 'BackOff')!;
    expect(backOff.type).toBe('Warning');
    expect(backOff.count).toBeGreaterThan(1);
    expect(Date.parse(backOff.firstSeen!)).toBeLessThanOrEqual(Date.parse(backOff.lastSeen!));
    expect(new Set(view.events.map((g) => `${g.type}|${g.reason}`)).size).toBe(view.events.length);
    const seen = view.events.map((g) => Date.parse(g.lastSeen ?? '0'));
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('shows a node with the pods it runs', async () => {
    const pod = (await pods()).find((p) => p.node)!;
    const view = await detail(`nodes/${pod.node}`);
    expect(view.kind).toBe('Node');
    expect(view.namespace).toBeUndefined();
    expect(view.owns.map((o) => o.name)).toContain(pod.name);
  });

  it('shows a VerticalPodAutoscaler, a CRD, with its spec and recommendation as YAML', async () => {
    const view = await auditor.json<AutoscalingView>(`${CHECKOUT}/autoscaling`);
    const vpa = view.verticalAutoscalers[0]!;
    const detailed = await detail(`verticalpodautoscalers/${vpa.namespace}/${vpa.name}`);
    expect(detailed).toMatchObject({
      kind: 'VerticalPodAutoscaler',
      resource: 'verticalpodautoscalers',
    });
    const object = parse(detailed.yaml) as {
      apiVersion: string;
      spec: { targetRef: { kind: string; name: string } };
    };
    expect(object.apiVersion).toBe('autoscaling.k8s.io/v1');
    expect(object.spec.targetRef).toMatchObject(vpa.target);
    expect(detailed.owners).toEqual([]);
  });

  it('refuses a path whose scope does not fit the resource, naming the field', async () => {
    const response = await auditor.request('GET', `${CHECKOUT}/objects/nodes/default/x`);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.detail).toMatch(/resource: is not a namespaced resource/);
    const missing = await auditor.request('GET', `${CHECKOUT}/objects/pods/default/not-there`);
    expect(missing.status).toBe(404);
  });
});

describe("the cluster's events", () => {
  it('lists Warning events folded per object and reason, filterable by reason and kind', async () => {
    const all = await auditor.json<ClusterEventList>(`${CHECKOUT}/events`);
    expect(all.items.length).toBeGreaterThan(0);
    expect(all.items.every((e) => e.type === 'Warning')).toBe(true);
    const backOff = all.items.filter((e) => e.reason === 'BackOff');
    expect(backOff.length).toBeGreaterThan(0);

    const byReason = await auditor.json<ClusterEventList>(`${CHECKOUT}/events?reason=BackOff`);
    expect(byReason.items.map((e) => e.object.name).sort()).toEqual(
      backOff.map((e) => e.object.name).sort(),
    );
    const pods = await auditor.json<ClusterEventList>(`${CHECKOUT}/events?kind=Pod`);
    expect(pods.items.every((e) => e.object.kind === 'Pod' && e.object.resource === 'pods')).toBe(
      true,
    );
    const normal = await auditor.json<ClusterEventList>(`${CHECKOUT}/events?type=Normal`);
    expect(normal.items.every((e) => e.type === 'Normal')).toBe(true);
  });

  it('refuses an unknown event type naming the field', async () => {
    const response = await auditor.request('GET', `${CHECKOUT}/events?type=Error`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).detail).toMatch(/^type: /);
  });
});
