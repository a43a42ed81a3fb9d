import type { ClusterRef, SearchKind, SourceError } from '@wheelhouse/contract';
import { DomainError, UpstreamError } from '../../errors.ts';
import type { KubeAccess } from '../../upstream/kubeAccess.ts';
import { KubeApiError, type KubeClient, type KubeIdentity } from '../../upstream/kubeClient.ts';

/** What search keeps of one Kubernetes object: enough to show it and link to it. */
export interface KubeEntry {
  kind: Extract<SearchKind, 'namespace' | 'workload' | 'pod'>;
  name: string;
  namespace?: string;
  workloadKind?: string;
  labels: Record<string, string>;
}

/** The lists search reads, by the search kind they feed. */
const LISTS: { kind: KubeEntry['kind']; path: string; workloadKind?: string }[] = [
  { kind: 'namespace', path: '/api/v1/namespaces' },
  { kind: 'workload', path: '/apis/apps/v1/deployments', workloadKind: 'Deployment' },
  { kind: 'workload', path: '/apis/apps/v1/statefulsets', workloadKind: 'StatefulSet' },
  { kind: 'workload', path: '/apis/apps/v1/daemonsets', workloadKind: 'DaemonSet' },
  { kind: 'workload', path: '/apis/batch/v1/jobs', workloadKind: 'Job' },
  { kind: 'workload', path: '/apis/batch/v1/cronjobs', workloadKind: 'CronJob' },
  { kind: 'pod', path: '/api/v1/pods' },
];
const PAGE = 500;

interface MetaList {
  metadata: { continue?: string };
  items: { metadata: { name: string; namespace?: string; labels?: Record<string, string> } }[];
}

/** One list that failed, in the words its source would use. */
export interface ListFailure {
  path: string;
  code: string;
  message: string;
}

function failureOf(path: string, error: unknown): ListFailure {
  if (error instanceof KubeApiError) return { path, code: error.reason, message: error.message };
  if (error instanceof UpstreamError) return { path, code: error.code, message: error.message };
  if (error instanceof DomainError) return { path, code: error.title, message: error.message };
  return { path, code: 'Error', message: error instanceof Error ? error.message : String(error) };
}

/** The failures of one cluster as error entries: one per distinct answer, naming the lists. */
export function clusterErrors(ref: ClusterRef, failures: ListFailure[]): SourceError[] {
  const byAnswer = new Map<string, { code: string; message: string; what: string[] }>();
  for (const failure of failures) {
    const key = `${failure.code}|${failure.message}`;
    const entry = byAnswer.get(key) ?? { code: failure.code, message: failure.message, what: [] };
    entry.what.push(failure.path.split('/').at(-1) ?? failure.path);
    byAnswer.set(key, entry);
  }
  return [...byAnswer.values()].map(({ code, message, what }) => ({
    accountId: ref.accountId,
    region: ref.region,
    cluster: ref.name,
    code,
    message: what.length ? `Kubernetes API (${what.join(', ')}): ${message}` : message,
  }));
}

const entriesOf = (list: (typeof LISTS)[number], page: MetaList): KubeEntry[] =>
  page.items.map((item) => ({
    kind: list.kind,
    name: item.metadata.name,
    ...(item.metadata.namespace ? { namespace: item.metadata.namespace } : {}),
    ...(list.workloadKind ? { workloadKind: list.workloadKind } : {}),
    labels: item.metadata.labels ?? {},
  }));

/** What one cluster answered: entries found, whether a list had more than asked, what failed. */
export interface ClusterAnswer {
  entries: KubeEntry[];
  /** Kinds where this cluster had more matches than it was asked for. */
  more: Set<KubeEntry['kind']>;
  failures: ListFailure[];
}

/** The Kubernetes side of fleet search, for one identity: every call as that user (impersonated). */
export function kubeSearch(kube: KubeAccess, as: KubeIdentity) {
  async function client(ref: ClusterRef): Promise<KubeClient> {
    return kube.clientFor(ref, as);
  }

  /**
   * Label search in one cluster: each list filtered by the API server (labelSelector), at most
   * `limit[kind]` objects asked for (a `continue` token says there were more).
   */
  async function byLabel(
    ref: ClusterRef,
    selector: string,
    limit: Partial<Record<KubeEntry['kind'], number>>,
  ): Promise<ClusterAnswer> {
    const answer: ClusterAnswer = { entries: [], more: new Set(), failures: [] };
    let reader: KubeClient;
    try {
      reader = await client(ref);
    } catch (error) {
      answer.failures.push(failureOf('', error));
      return answer;
    }
    await Promise.all(
      LISTS.filter((list) => (limit[list.kind] ?? 0) > 0).map(async (list) => {
        try {
          const page = await reader.listMetadata<MetaList>(list.path, {
            labelSelector: selector,
            limit: limit[list.kind],
          });
          answer.entries.push(...entriesOf(list, page));
          if (page.metadata.continue) answer.more.add(list.kind);
        } catch (error) {
          answer.failures.push(failureOf(list.path, error));
        }
      }),
    );
    return answer;
  }

  /**
   * Every namespace, workload and pod name of one cluster (all pages): the index name search
   * matches pieces of names against, since the Kubernetes API only selects whole names.
   */
  async function names(
    ref: ClusterRef,
    kinds: ReadonlySet<KubeEntry['kind']>,
  ): Promise<ClusterAnswer> {
    const answer: ClusterAnswer = { entries: [], more: new Set(), failures: [] };
    let reader: KubeClient;
    try {
      reader = await client(ref);
    } catch (error) {
      answer.failures.push(failureOf('', error));
      return answer;
    }
    await Promise.all(
      LISTS.filter((list) => kinds.has(list.kind)).map(async (list) => {
        try {
          let token: string | undefined;
          do {
            const page: MetaList = await reader.listMetadata<MetaList>(list.path, {
              limit: PAGE,
              continue: token,
            });
            answer.entries.push(...entriesOf(list, page));
            token = page.metadata.continue || undefined;
          } while (token);
        } catch (error) {
          answer.failures.push(failureOf(list.path, error));
        }
      }),
    );
    return answer;
  }

  return { byLabel, names };
}
