import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodegroupDisruption, NodeSummary, PodList, Problem } from '@wheelhouse/contract';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let operator: ConsoleClient;
const CHECKOUT = '/api/clusters/123456789012/us-east-1/checkout-prod/k8s';
const GROUPS = ['general-od', 'spot-burst', 'arm-workers'];

beforeAll(async () => {
  c = await startConsoleOnSandbox({});
  operator = await c.signIn('operator');
});
afterAll(() => c.close());

describe('what scaling a node group down drains', () => {
  it("counts the group's nodes and pods and the PodDisruptionBudgets over them", async () => {
    const nodes = await operator.json<{ items: NodeSummary[] }>(`${CHECKOUT}/nodes`);
    const pods = await operator.json<PodList>(`${CHECKOUT}/pods?limit=5000`);
    const live = pods.items.filter((p) => p.phase !== 'Succeeded' && p.phase !== 'Failed');
    let checkoutApiCovered = 0;
    for (const group of GROUPS) {
      const answer = await operator.json<NodegroupDisruption>(
        `${CHECKOUT}/nodegroups/${group}/disruption`,
      );
      expect(answer.nodes, group).toBe(nodes.items.filter((n) => n.runsOn.name === group).length);
      expect(answer.pods, group).toBe(live.filter((p) => p.runsOn.name === group).length);
      for (const budget of answer.budgets) expect(budget.podsOnNodegroup).toBeGreaterThan(0);
      checkoutApiCovered +=
        answer.budgets.find((b) => b.namespace === 'payments' && b.name === 'checkout-api')
          ?.podsOnNodegroup ?? 0;
    }
    // Every running checkout-api pod sits on one of the groups and is counted under its budget once.
    const checkoutApi = live.filter(
      (p) =>
        p.namespace === 'payments' &&
        p.name.startsWith('checkout-api-') &&
        p.runsOn.kind === 'managed',
    );
    expect(checkoutApi.length).toBeGreaterThan(0);
    expect(checkoutApiCovered).toBe(checkoutApi.length);
  });

  it('refuses a name that is no node group name, naming the field', async () => {
    const response = await operator.request('GET', `${CHECKOUT}/nodegroups/no%20such/disruption`);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(JSON.stringify(problem)).toContain('nodegroup');
  });
});
