import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, waitFor, type Sandbox } from '../../index.ts';
import { accountKeys } from '../../testing/awsClients.ts';
import { clusterAccess, eksBearerToken, kubeRequest } from '../../testing/kubeClients.ts';
import type { Node, Pod } from '../objects/types.ts';

/**
 * The times a seeded cluster reports, read through its API as kubectl reads
 * them: Leases and heartbeats follow the world's calendar, a finished Job
 * pod's conditions precede its end, one AMI means one kubelet build.
 */

let sandbox: Sandbox;
let access: { endpoint: string; ca: string };
let token: string;
/** How far the world's calendar is ahead of the wall clock. */
let ahead = 0;

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => new Date(Date.now() + ahead) });
  const keys = accountKeys(sandbox);
  access = await clusterAccess(sandbox, keys, 'checkout-prod');
  token = await eksBearerToken(keys, { clusterName: 'checkout-prod' });
});
afterAll(() => sandbox.close());

async function list<T>(path: string): Promise<T[]> {
  const response = await kubeRequest(access.endpoint, access.ca, token, path);
  expect(response.status, response.body).toBe(200);
  return response.json<{ items: T[] }>().items;
}

interface Lease {
  metadata: { name: string; ownerReferences?: Array<{ kind: string; name: string }> };
  spec: { holderIdentity: string; leaseDurationSeconds: number; renewTime: string };
}
const LEASES = '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases';
const readyHeartbeat = (node: Node) =>
  Date.parse(node.status.conditions.find((c) => c.type === 'Ready')!.lastHeartbeatTime!);

describe('node and pod times', () => {
  it('gives every node a Lease in kube-node-lease that its kubelet renews, and fresh heartbeats', async () => {
    const nodes = await list<Node>('/api/v1/nodes');
    const leases = await list<Lease>(LEASES);
    expect(leases.map((lease) => lease.metadata.name).sort()).toEqual(
      nodes.map((node) => node.metadata.name).sort(),
    );
    for (const lease of leases) {
      expect(lease.spec.holderIdentity).toBe(lease.metadata.name);
      expect(lease.spec.leaseDurationSeconds).toBe(40);
      expect(lease.metadata.ownerReferences?.[0]).toMatchObject({
        kind: 'Node',
        name: lease.metadata.name,
      });
      expect(Date.now() + ahead - Date.parse(lease.spec.renewTime)).toBeLessThan(15_000);
    }
    for (const node of nodes)
      expect(Date.now() + ahead - readyHeartbeat(node)).toBeLessThan(75_000);

    const renewed = Date.parse(leases[0]!.spec.renewTime);
    const beat = readyHeartbeat(
      nodes.find((node) => node.metadata.name === leases[0]!.metadata.name)!,
    );
    ahead += 90_000; // a minute and a half of calendar passes
    await waitFor(
      async () => {
        const [lease] = (await list<Lease>(LEASES)).filter(
          (l) => l.metadata.name === leases[0]!.metadata.name,
        );
        return Date.parse(lease!.spec.renewTime) >= renewed + 90_000;
      },
      { description: 'the lease renewed' },
    );
    const node = (await list<Node>('/api/v1/nodes')).find(
      (n) => n.metadata.name === leases[0]!.metadata.name,
    )!;
    expect(readyHeartbeat(node)).toBeGreaterThanOrEqual(beat + 90_000);
  });

  it('reports one kubelet build per AMI', async () => {
    const nodes = await list<Node>('/api/v1/nodes');
    const builds = new Map<string, Set<string>>();
    for (const node of nodes) {
      const image = node.metadata.labels?.['eks.amazonaws.com/nodegroup-image'];
      if (!image) continue;
      builds.set(
        image,
        (builds.get(image) ?? new Set()).add(node.status.nodeInfo.kubeletVersion ?? ''),
      );
    }
    expect(builds.size).toBeGreaterThan(0);
    for (const [image, versions] of builds)
      expect([image, [...versions]]).toEqual([
        image,
        [expect.stringMatching(/^v1\.\d+\.\d+-eks-[0-9a-f]{7}$/)],
      ]);
  });

  it("dates a finished Job pod's conditions no later than its end", async () => {
    const pods = (await list<Pod>('/api/v1/pods')).filter(
      (pod) => pod.status.phase === 'Succeeded',
    );
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) {
      const finished = Math.max(
        ...(pod.status.containerStatuses ?? []).map((s) =>
          Date.parse(s.state.terminated!.finishedAt!),
        ),
      );
      for (const condition of pod.status.conditions ?? [])
        expect([
          pod.metadata.name,
          condition.type,
          Date.parse(condition.lastTransitionTime!) <= finished,
        ]).toEqual([pod.metadata.name, condition.type, true]);
    }
  });
});
