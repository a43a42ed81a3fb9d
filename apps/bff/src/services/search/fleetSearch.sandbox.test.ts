import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem, SearchResult } from '@wheelhouse/contract';
import { startConsoleOnSandbox } from '../../testing/consoleOnSandbox.ts';

/** Fleet search through the BFF against the sandbox's demo world, as a signed-in auditor. */

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
beforeAll(async () => {
  c = await startConsoleOnSandbox();
}, 120_000);
afterAll(() => c?.close());

const clustersOf = (result: SearchResult, kind: string) =>
  new Set(result.items.filter((hit) => hit.kind === kind).map((hit) => hit.cluster));

describe('GET /api/search', () => {
  it('finds the pods of one label in two clusters, each with its cluster, account, region and link', async () => {
    const auditor = await c.signIn('auditor');
    const result = await auditor.json<SearchResult>(
      `/api/search?q=${encodeURIComponent('app=ledger-cache')}&kinds=pod,workload`,
    );
    expect(result.mode).toBe('label');
    const pods = result.items.filter((hit) => hit.kind === 'pod');
    expect(clustersOf(result, 'pod').size).toBe(2);
    for (const pod of pods) {
      expect(pod.labels?.app).toBe('ledger-cache');
      expect(pod.accountId).toMatch(/^\d{12}$/);
      expect(pod.region).toMatch(/^[a-z]{2}-/);
      expect(pod.href).toBe(
        `/clusters/${pod.accountId}/${pod.region}/${pod.cluster}/pods/${pod.namespace}/${pod.name}`,
      );
    }
    expect(clustersOf(result, 'workload').size).toBe(2);
    expect(result.items.some((hit) => hit.kind === 'cluster')).toBe(false);
  });

  it('names a cluster whose Kubernetes API fails in errors and still shows the other one', async () => {
    const auditor = await c.signIn('auditor');
    const url = `/api/search?q=${encodeURIComponent('app=ledger-cache')}&kinds=pod`;
    const [broken, healthy] = [...clustersOf(await auditor.json<SearchResult>(url), 'pod')].sort();
    c.sandbox!.faults.add({
      service: 'kubernetes',
      cluster: broken!,
      errorStatus: 503,
      errorCode: 'ServiceUnavailable',
      errorMessage: 'the API server is overloaded',
    });
    try {
      const result = await auditor.json<SearchResult>(url);
      expect([...clustersOf(result, 'pod')]).toEqual([healthy]);
      const error = result.errors.find((entry) => entry.cluster === broken);
      expect(error?.code).toBe('ServiceUnavailable');
      expect(error?.message).toContain('the API server is overloaded');
    } finally {
      c.sandbox!.faults.clear();
    }
  });

  it('finds names by a piece of them: clusters, node groups and pods, exact names first', async () => {
    const auditor = await c.signIn('auditor');
    const result = await auditor.json<SearchResult>('/api/search?q=ledger');
    expect(result.mode).toBe('name');
    const pods = result.items.filter((hit) => hit.kind === 'pod');
    expect(pods.length).toBeGreaterThan(0);
    for (const hit of result.items) expect(hit.name.toLowerCase()).toContain('ledger');
    const exact = await auditor.json<SearchResult>('/api/search?q=ledger-cache&kinds=workload');
    expect(exact.items[0]?.name).toBe('ledger-cache');
  });

  it('answers 400 naming q for a selector Kubernetes would refuse, and kinds for an unknown kind', async () => {
    const auditor = await c.signIn('auditor');
    const badSelector = await auditor.request(
      'GET',
      `/api/search?q=${encodeURIComponent('tier in (a,b')}`,
    );
    expect(badSelector.status).toBe(400);
    expect(((await badSelector.json()) as Problem).errors?.map((e) => e.field)).toContain('q');
    const badKind = await auditor.request('GET', '/api/search?q=web&kinds=pod,secret');
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as Problem).errors?.map((e) => e.field)).toContain('kinds');
  });
});
