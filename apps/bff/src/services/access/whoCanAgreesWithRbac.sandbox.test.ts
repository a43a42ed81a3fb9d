import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReview, WhoCanAnswer } from '@wheelhouse/contract';
import type { ConsoleClient } from '../../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../../testing/consoleOnSandbox.ts';

/**
 * "Who can" is computed by the console from the RBAC objects it reads; the API server decides from the
 * same objects with its own authorizer. Both must agree, or the Access tab would tell an admin that a
 * group may (or may not) do something the cluster then decides otherwise. The API server's side is a
 * SelfSubjectAccessReview made as the impersonated user (the access-review route).
 */

const ML = '/api/clusters/123456789012/eu-west-1/ml-training';
let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let admin: ConsoleClient;
const people: Record<'admin' | 'operator' | 'auditor', ConsoleClient> = {} as never;

beforeAll(async () => {
  c = await startConsoleOnSandbox();
  admin = await c.signIn('admin');
  people.admin = admin;
  people.operator = await c.signIn('operator');
  people.auditor = await c.signIn('auditor');
}, 120_000);
afterAll(() => c?.close());

// Namespaced and cluster-scoped, allowed and refused for each role on the seeded RBAC.
const triples: { verb: string; resource: string; namespace?: string }[] = [
  { verb: 'list', resource: 'pods', namespace: 'training' },
  { verb: 'list', resource: 'pods', namespace: 'notebooks' },
  { verb: 'delete', resource: 'pods', namespace: 'notebooks' },
  { verb: 'delete', resource: 'pods', namespace: 'training' },
  { verb: 'get', resource: 'secrets', namespace: 'training' },
  { verb: 'list', resource: 'secrets', namespace: 'notebooks' },
  { verb: 'update', resource: 'configmaps', namespace: 'notebooks' },
  { verb: 'list', resource: 'nodes' },
  { verb: 'patch', resource: 'nodes' },
  { verb: 'delete', resource: 'nodes' },
];

const query = (t: (typeof triples)[number]) =>
  new URLSearchParams({
    verb: t.verb,
    resource: t.resource,
    ...(t.namespace ? { namespace: t.namespace } : {}),
  }).toString();

describe('who can, against the API server', () => {
  it.each(triples)(
    'agrees with the cluster for each role: $verb $resource $namespace',
    async (triple) => {
      const who = await admin.json<WhoCanAnswer>(`${ML}/access/who-can?${query(triple)}`);
      expect(who.errors).toEqual([]);
      const granted = new Set(
        who.grants.filter((g) => g.kind === 'rbac-binding').map((g) => g.subject),
      );
      const decisions: Record<string, { whoCan: boolean; cluster: boolean }> = {};
      for (const role of ['admin', 'operator', 'auditor'] as const) {
        const review = await people[role].json<AccessReview>(
          `${ML}/k8s/access-review?${query(triple)}`,
        );
        // Local users carry the group `wheelhouse:<role>` (README, "Kubernetes as the signed-in user").
        decisions[role] = {
          whoCan: granted.has(`Group:wheelhouse:${role}`),
          cluster: review.allowed,
        };
      }
      for (const decision of Object.values(decisions)) {
        expect(decision.whoCan, JSON.stringify(decisions)).toBe(decision.cluster);
      }
    },
  );

  it('covers both answers, so agreement is not trivially all-yes or all-no', async () => {
    const answers = new Set<boolean>();
    for (const triple of triples) {
      const review = await people.operator.json<AccessReview>(
        `${ML}/k8s/access-review?${query(triple)}`,
      );
      answers.add(review.allowed);
    }
    expect([...answers].sort()).toEqual([false, true]);
  });
});
