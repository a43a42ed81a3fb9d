import pLimit from 'p-limit';
import {
  SEARCH_CAP_PER_KIND,
  SEARCH_KINDS,
  matchesLabels,
  searchTermsOf,
  type ClusterRef,
  type ClusterSummary,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
  type SearchTerms,
  type SourceError,
} from '@wheelhouse/contract';
import { InputError } from '../../errors.ts';
import type { AwsGateway } from '../../upstream/awsGateway.ts';
import type { KubeAccess } from '../../upstream/kubeAccess.ts';
import type { KubeIdentity } from '../../upstream/kubeClient.ts';
import { createTtlCache } from '../../upstream/ttlCache.ts';
import { sourceError } from '../fanOut.ts';
import type { InventoryService } from '../inventory.ts';
import { clusterErrors, kubeSearch, type ClusterAnswer, type KubeEntry } from './kubeSearch.ts';

export interface FleetSearchOptions {
  /** Clusters asked at once (each asks up to 7 lists in parallel on its own connection pool). */
  concurrency?: number;
  /** How long a cluster's name index (per user) and node group names are reused. */
  indexTtlMs?: number;
  cap?: number;
}

const SERVING = new Set(['ACTIVE', 'UPDATING']);
const KUBE_KINDS = ['namespace', 'workload', 'pod'] as const;

const clusterPath = (c: { accountId: string; region: string; cluster: string }) =>
  `/clusters/${encodeURIComponent(c.accountId)}/${encodeURIComponent(c.region)}/${encodeURIComponent(c.cluster)}`;

/** The console page of a hit (the routes of apps/web/src/routes.tsx and the Resources tab's URL state). */
function hrefOf(hit: Omit<SearchHit, 'href'>): string {
  const base = clusterPath(hit);
  const ns = encodeURIComponent(hit.namespace ?? '');
  switch (hit.kind) {
    case 'cluster':
      return base;
    case 'nodegroup':
      return `${base}/nodegroups/${encodeURIComponent(hit.name)}`;
    case 'namespace':
      return `${base}?tab=resources&view=workloads&ns=${encodeURIComponent(hit.name)}`;
    case 'workload':
      return `${base}?tab=resources&view=workloads&ns=${ns}&q=${encodeURIComponent(hit.name)}`;
    case 'pod':
      return `${base}/pods/${ns}/${encodeURIComponent(hit.name)}`;
  }
}

/** Exact names first, then names starting with the text, then the rest; ties by name. */
function nameRank(name: string, text: string): number {
  const lower = name.toLowerCase();
  if (lower === text) return 0;
  return lower.startsWith(text) ? 1 : 2;
}

const identityKey = (as: KubeIdentity) => `${as.user}|${[...as.groups].sort().join(',')}`;
const refKey = (ref: ClusterRef) => `${ref.accountId}|${ref.region}|${ref.name}`;

/**
 * Fleet search. Clusters come from the cached inventory and node group names from a cached
 * ListNodegroups per cluster. Namespaces, workloads and pods come from every serving cluster's
 * Kubernetes API as the signed-in user: a label query is a labelSelector list the API server
 * filters (fresh, `limit` bounded); a name query matches pieces of names against a per-cluster,
 * per-user name index (the API selects whole names only, `metadata.name=`), built from the same
 * lists and kept `indexTtlMs`, so typing a name costs one fan-out, not one per keystroke.
 */
export function createFleetSearch(deps: {
  inventory: InventoryService;
  gateway: AwsGateway;
  kube: KubeAccess;
  options?: FleetSearchOptions;
}) {
  const concurrency = deps.options?.concurrency ?? 48;
  const ttlMs = deps.options?.indexTtlMs ?? 30_000;
  const cap = deps.options?.cap ?? SEARCH_CAP_PER_KIND;
  const nameIndex = createTtlCache<ClusterAnswer>(ttlMs, Date.now, 'search-index');
  const nodegroupNames = createTtlCache<string[]>(ttlMs, Date.now, 'search-nodegroups');

  async function nodegroupsOf(cluster: ClusterSummary): Promise<string[]> {
    return nodegroupNames.get(refKey({ ...cluster }), async () => {
      const at = await deps.gateway.locate(cluster.accountId, cluster.region);
      return deps.gateway.eks(at).nodegroupNames(cluster.name);
    });
  }

  async function search(query: SearchQuery, as: KubeIdentity): Promise<SearchResult> {
    const terms: SearchTerms | undefined = searchTermsOf(query.q);
    if (!terms)
      throw new InputError('q is not a label selector', [
        { field: 'q', message: 'is not a label selector' },
      ]);
    const kinds = new Set<SearchKind>(query.kinds);
    const found = new Map<SearchKind, SearchHit[]>(SEARCH_KINDS.map((kind) => [kind, []]));
    const capped = new Set<SearchKind>();
    const errors: SourceError[] = [];
    const add = (hit: Omit<SearchHit, 'href'>) => {
      const list = found.get(hit.kind)!;
      if (list.length >= cap) capped.add(hit.kind);
      else list.push({ ...hit, href: hrefOf(hit) });
    };

    const inventory = await deps.inventory.listClusters();
    errors.push(...inventory.errors);
    const where = (c: ClusterSummary) => ({
      accountId: c.accountId,
      ...(c.accountName ? { accountName: c.accountName } : {}),
      region: c.region,
      cluster: c.name,
    });

    if (kinds.has('cluster')) {
      const matching = inventory.items.filter((c) =>
        terms.mode === 'label'
          ? matchesLabels(c.tags, terms.requirements)
          : c.name.toLowerCase().includes(terms.text),
      );
      if (terms.mode === 'name')
        matching.sort((a, b) => nameRank(a.name, terms.text) - nameRank(b.name, terms.text));
      for (const c of matching) add({ kind: 'cluster', name: c.name, ...where(c), labels: c.tags });
    }

    const serving = inventory.items.filter((c) => SERVING.has(c.status));
    const limit = pLimit(concurrency);

    // Node groups are EKS resources; ListNodegroups carries no labels, so they are found by name.
    const nodegroupSearch = async (): Promise<Omit<SearchHit, 'href'>[]> => {
      if (!kinds.has('nodegroup') || terms.mode !== 'name') return [];
      const perCluster = await Promise.all(
        serving
          .filter((c) => !c.connected)
          .map((c) =>
            limit(async () => {
              try {
                return (await nodegroupsOf(c))
                  .filter((name) => name.toLowerCase().includes(terms.text))
                  .map((name) => ({ kind: 'nodegroup' as const, name, ...where(c) }));
              } catch (error) {
                errors.push(
                  sourceError(error, { accountId: c.accountId, region: c.region, cluster: c.name }),
                );
                return [];
              }
            }),
          ),
      );
      return perCluster
        .flat()
        .sort(
          (a, b) =>
            nameRank(a.name, terms.text) - nameRank(b.name, terms.text) ||
            a.name.localeCompare(b.name),
        );
    };
    const nodegroupHits = nodegroupSearch();

    const kubeKinds = KUBE_KINDS.filter((kind) => kinds.has(kind));
    let clustersSearched = 0;
    if (kubeKinds.length) {
      const reads = kubeSearch(deps.kube, as);
      const entries: { cluster: ClusterSummary; entry: KubeEntry }[] = [];
      const collected = new Map<SearchKind, number>();
      const perCluster = async (c: ClusterSummary) => {
        const ref = { accountId: c.accountId, region: c.region, name: c.name };
        let answer: ClusterAnswer;
        if (terms.mode === 'label') {
          // Kinds already over the cap fleet-wide are not asked of the clusters still to come.
          const wanted = Object.fromEntries(
            kubeKinds
              .filter((kind) => (collected.get(kind) ?? 0) <= cap)
              .map((kind) => [kind, cap + 1 - Math.min(cap, collected.get(kind) ?? 0)]),
          );
          if (Object.keys(wanted).length === 0) {
            for (const kind of kubeKinds) capped.add(kind);
            return;
          }
          clustersSearched += 1;
          answer = await reads.byLabel(ref, terms.selector, wanted);
          for (const kind of answer.more) capped.add(kind);
        } else {
          clustersSearched += 1;
          const index = await nameIndex.get(`${refKey(ref)}|${identityKey(as)}`, () =>
            reads.names(ref, new Set(KUBE_KINDS)),
          );
          answer = {
            entries: index.entries.filter(
              (e) => kinds.has(e.kind) && e.name.toLowerCase().includes(terms.text),
            ),
            more: new Set(),
            failures: index.failures,
          };
        }
        for (const entry of answer.entries) {
          entries.push({ cluster: c, entry });
          collected.set(entry.kind, (collected.get(entry.kind) ?? 0) + 1);
        }
        errors.push(...clusterErrors(ref, answer.failures));
      };
      await Promise.all(serving.map((c) => limit(() => perCluster(c))));
      const rank = (e: KubeEntry) => (terms.mode === 'name' ? nameRank(e.name, terms.text) : 0);
      entries.sort(
        (a, b) =>
          rank(a.entry) - rank(b.entry) ||
          a.entry.name.localeCompare(b.entry.name) ||
          a.cluster.name.localeCompare(b.cluster.name),
      );
      for (const { cluster, entry } of entries) {
        add({
          kind: entry.kind,
          name: entry.name,
          ...(entry.namespace ? { namespace: entry.namespace } : {}),
          ...(entry.workloadKind ? { workloadKind: entry.workloadKind } : {}),
          ...where(cluster),
          labels: entry.labels,
        });
      }
    }
    for (const hit of await nodegroupHits) add(hit);

    return {
      items: SEARCH_KINDS.flatMap((kind) => found.get(kind) ?? []),
      errors,
      mode: terms.mode,
      capped: SEARCH_KINDS.filter((kind) => capped.has(kind)),
      clustersSearched,
    };
  }

  return {
    search,
    /** Forget indexes, e.g. after a change to a cluster. */
    invalidate(): void {
      nameIndex.invalidate();
      nodegroupNames.invalidate();
    },
  };
}
export type FleetSearch = ReturnType<typeof createFleetSearch>;
