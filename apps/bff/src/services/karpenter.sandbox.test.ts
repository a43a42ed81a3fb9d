import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AutoscalingView, NodeList } from '@wheelhouse/contract';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

/** Karpenter's NodePools, NodeClaims and EC2NodeClasses in the autoscaling answer, from the sandbox. */

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
const HOME = '123456789012';
const SEARCH = `/api/clusters/${HOME}/us-east-1/search-prod/k8s`;
const CHECKOUT = `/api/clusters/${HOME}/us-east-1/checkout-prod/k8s`;

beforeAll(async () => {
  c = await startConsoleOnSandbox({ speed: 20 });
  auditor = await c.signIn('auditor');
});
afterAll(() => c.close());

describe('Karpenter through the console', () => {
  it('says a node Karpenter launched runs on its NodePool, not on a self-managed group', async () => {
    const { karpenter } = await auditor.json<AutoscalingView>(`${SEARCH}/autoscaling`);
    const claim = karpenter.nodeClaims.find((candidate) => candidate.nodeName)!;
    const nodes = await auditor.json<NodeList>(`${SEARCH}/nodes`);
    const node = nodes.items.find((candidate) => candidate.name === claim.nodeName)!;
    expect(node.runsOn).toEqual({ kind: 'karpenter', name: claim.nodePool });
  });

  it('lists the NodePools with limits, usage and disruption, their NodeClaims and the EC2NodeClass', async () => {
    const view = await auditor.json<AutoscalingView>(`${SEARCH}/autoscaling`);
    const { karpenter } = view;
    expect(karpenter.installed).toBe(true);
    expect(karpenter.errors).toEqual([]);
    expect(view.nodeAutoscalers).toContainEqual(
      expect.objectContaining({ kind: 'karpenter', running: true }),
    );
    expect(karpenter.nodePools.map((pool) => pool.name)).toEqual(['default', 'gpu']);
    const [general, gpu] = karpenter.nodePools;
    expect(general).toMatchObject({
      nodeClass: 'default',
      limits: { cpuMillis: 1_000_000, memoryBytes: 1000 * 2 ** 30 },
      disruption: {
        consolidationPolicy: 'WhenEmptyOrUnderutilized',
        consolidateAfter: '1m',
        budgets: [{ nodes: '10%' }],
      },
      weight: 10,
      capacityTypes: ['spot', 'on-demand'],
      taints: [],
      ready: true,
    });
    // m6i.2xlarge, c6i.2xlarge and m6i.xlarge: 8 + 8 + 4 vCPUs.
    expect(general!.usage).toMatchObject({ cpuMillis: 20_000, nodes: 3 });
    expect(general!.usage.memoryBytes).toBeGreaterThan(60 * 2 ** 30);
    expect(gpu).toMatchObject({
      taints: ['nvidia.com/gpu=true:NoSchedule'],
      capacityTypes: ['on-demand'],
      usage: { cpuMillis: 8000, nodes: 1 },
    });
    expect(gpu!.disruption.budgets).toContainEqual({
      nodes: '0',
      schedule: '0 9 * * mon-fri',
      duration: '8h',
    });

    expect(karpenter.nodeClaims).toHaveLength(4);
    for (const claim of karpenter.nodeClaims) {
      expect(claim).toMatchObject({
        nodePool: expect.stringMatching(/^(default|gpu)$/),
        nodeName: expect.stringMatching(/\.ec2\.internal$/),
        zone: expect.stringMatching(/^us-east-1[abc]$/),
        capacityType: expect.stringMatching(/^(spot|on-demand)$/),
        ready: true,
      });
    }
    expect(karpenter.nodeClaims.find((claim) => claim.nodePool === 'gpu')).toMatchObject({
      instanceType: 'g5.2xlarge',
      cpuMillis: 8000,
      memoryBytes: expect.any(Number),
    });

    expect(karpenter.nodeClasses).toEqual([
      {
        name: 'default',
        role: 'KarpenterNodeRole-search-prod',
        instanceProfile: expect.stringMatching(/^search-prod_\d+$/),
        amiAliases: ['al2023@latest'],
        ready: true,
      },
    ]);
  });

  it('says Karpenter is not installed on a cluster without its CRDs, and still lists the HPAs', async () => {
    const view = await auditor.json<AutoscalingView>(`${CHECKOUT}/autoscaling`);
    expect(view.karpenter).toEqual({
      installed: false,
      nodePools: [],
      nodeClaims: [],
      nodeClasses: [],
      errors: [],
    });
    expect(view.hpas.length).toBeGreaterThan(0);
  });

  it('keeps the HPAs for a person whose RBAC leaves Karpenter out, listing what was refused', async () => {
    const operator = await c.signIn('operator');
    const view = await operator.json<AutoscalingView>(`${SEARCH}/autoscaling`);
    expect(view.hpas.length).toBeGreaterThan(0);
    expect(view.karpenter.installed).toBe(true);
    expect(view.karpenter.nodePools).toEqual([]);
    expect(view.karpenter.errors.map((error) => error.resource)).toEqual([
      'nodepools.karpenter.sh',
      'nodeclaims.karpenter.sh',
      'ec2nodeclasses.karpenter.k8s.aws',
    ]);
    expect(view.karpenter.errors[0]!.message).toContain(
      'Your groups (wheelhouse:operator) may not list nodepools',
    );
  });
});
