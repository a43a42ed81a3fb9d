import type { Writable } from 'node:stream';
import type {
  AccessReview,
  AccessReviewQuery,
  AutoscalingView,
  ClusterEventList,
  ClusterRef,
  EventsQuery,
  FleetDashboard,
  LogQuery,
  NamespaceList,
  NodeList,
  PodDetail,
  PodList,
  PodQuery,
  ServiceSummary,
  SourceError,
  WatchEvent,
  WorkloadKind,
  WorkloadList,
  NodegroupDisruption,
  ObjectDetail,
  ObjectResource,
} from '@wheelhouse/contract';
import { KubeAccessError, UpstreamError } from '../errors.ts';
import { KubeApiError, type KubeClient, type KubeIdentity } from '../upstream/kubeClient.ts';
import type { KubeAccess } from '../upstream/kubeAccess.ts';
import { accessPolicyArn } from '../upstream/partition.ts';
import { createTtlCache } from '../upstream/ttlCache.ts';
import type {
  HpaObject,
  KubeEventObject,
  KubeList,
  Node,
  Pod,
  PodDisruptionBudgetObject,
  ServiceObject,
  VpaObject,
  WorkloadObject,
} from './kube/kubeTypes.ts';
import { readKarpenter } from './kube/karpenter.ts';
import { nodegroupDisruption } from './kube/nodegroupDisruption.ts';
import {
  VPA_PATH,
  listVpas,
  withRecommendations,
  workloadOfPod,
} from './kube/verticalAutoscalers.ts';
import { readClusterEvents, readObjectDetail } from './kube/objectDetail.ts';
import {
  NODEGROUP_LABEL,
  requestsByNode,
  toHpa,
  toNodeSummary,
  toPodDetail,
  toPodSummary,
  toServiceSummary,
  toWorkload,
  type NodeLabels,
} from './kube/kubeMapping.ts';

const WORKLOAD_PATHS: Record<WorkloadKind, string> = {
  Deployment: '/apis/apps/v1/deployments',
  StatefulSet: '/apis/apps/v1/statefulsets',
  DaemonSet: '/apis/apps/v1/daemonsets',
  Job: '/apis/batch/v1/jobs',
  CronJob: '/apis/batch/v1/cronjobs',
};
const LIST_PAGE = 500;
const NODE_LABELS_TTL_MS = 10_000;

/** `/api/v1/pods` or `/api/v1/namespaces/<ns>/pods` (and the same for other groups). */
function scoped(path: string, namespace: string | undefined): string {
  if (!namespace) return path;
  const at = path.lastIndexOf('/');
  return `${path.slice(0, at)}/namespaces/${encodeURIComponent(namespace)}${path.slice(at)}`;
}

/** What one upstream watch follows; the hub keys its shared watches by cluster and this. */
export interface WatchSpec {
  kind: 'pods' | 'nodes';
  namespace?: string;
}

const watchPath = (spec: WatchSpec) =>
  spec.kind === 'pods' ? scoped('/api/v1/pods', spec.namespace) : '/api/v1/nodes';

/** Reads of a cluster's Kubernetes API, mapped to the console's views. The console never writes to clusters. */
/**
 * What one cluster refused to a user (RBAC, as the API server worded it), or undefined when the
 * refusal is not about the user's own permissions.
 */
function userRefusal(error: KubeApiError, as: KubeIdentity): UpstreamError | undefined {
  const match =
    /cannot (\S+) resource "([^"]+)" in API group "([^"]*)" (?:in the namespace "([^"]+)"|at the cluster scope)/.exec(
      error.message,
    );
  if (!match || match[1] === 'impersonate') return undefined;
  const [, verb, resource, , namespace] = match;
  const where = namespace ? `in ${namespace}` : 'across all namespaces';
  return new UpstreamError(
    403,
    'Forbidden',
    `Your groups (${as.groups.join(', ')}) may not ${verb} ${resource} ${where}. Kubernetes answered: ${error.message}`,
    undefined,
    'kubernetes',
  );
}

const clusterKey = (ref: ClusterRef) => `${ref.accountId}|${ref.region}|${ref.name}|`;

/** The cache key part of whom a read acts for; groups sorted, as their order grants nothing. */
export function identityKey(as: KubeIdentity | undefined): string {
  return as ? JSON.stringify(['as', as.user, [...as.groups].sort()]) : 'console';
}

/** Reads of a cluster's Kubernetes API as the console; `as(identity)` gives the same reads for a user. */
export function createWorkloadsService(kube: KubeAccess) {
  const nodeLabelsCache = createTtlCache<NodeLabels>(NODE_LABELS_TTL_MS, Date.now, 'node-labels');
  const forUser = (as: KubeIdentity | undefined) => workloadReads(kube, nodeLabelsCache, as);
  return { ...forUser(undefined), as: forUser };
}

function workloadReads(
  kube: KubeAccess,
  nodeLabelsCache: ReturnType<typeof createTtlCache<NodeLabels>>,
  as: KubeIdentity | undefined,
) {
  /**
   * Kubernetes failures in the console's words. EKS answers 401 when the console's IAM identity is not
   * mapped into the cluster at all (no access entry, no aws-auth entry) and 403 when it is mapped but its
   * policies do not allow the read; each gets the commands that fix it.
   */
  async function explain(ref: ClusterRef, error: unknown): Promise<never> {
    if (error instanceof KubeApiError) {
      const refusal = as && kube.impersonates() && error.status === 403 && userRefusal(error, as);
      if (refusal) throw refusal;
      if (error.status === 401 || error.status === 403) {
        const answered = `Kubernetes answered ${error.status} ${error.reason}: ${error.message}`;
        if (await kube.isConnected(ref).catch(() => false)) {
          throw new KubeAccessError(
            403,
            `The connected cluster refused the console's credentials (${answered}).`,
            [
              'Check the kubeconfig context configured for this connected cluster in WHEELHOUSE_CONFIG, and its RBAC permissions.',
            ],
          );
        }
        const principal =
          (await kube.principalFor(ref).catch(() => undefined)) ?? '<the console role ARN>';
        const cli = `--cluster-name ${ref.name} --region ${ref.region} --principal-arn ${principal}`;
        const associate = `aws eks associate-access-policy ${cli} --policy-arn ${accessPolicyArn(ref.region, 'AmazonEKSViewPolicy')} --access-scope type=cluster`;
        throw error.status === 401
          ? new KubeAccessError(
              403,
              `The console's IAM identity has no access entry on this cluster (${answered}).`,
              [`aws eks create-access-entry ${cli}`, associate],
            )
          : new KubeAccessError(
              403,
              `The console's IAM identity is let into this cluster but may not read this (${answered}).`,
              [associate],
            );
      }
      throw new UpstreamError(
        error.status >= 500 ? 502 : error.status,
        error.reason,
        error.message,
        undefined,
        'kubernetes',
      );
    }
    throw error;
  }

  async function withClient<T>(
    ref: ClusterRef,
    read: (client: KubeClient) => Promise<T>,
  ): Promise<T> {
    const client = await kube.clientFor(ref, as);
    try {
      return await read(client);
    } catch (error) {
      return explain(ref, error);
    }
  }

  /** Every page of a list (limit/continue), so no caller holds an unbounded single response. */
  async function listAll<T>(
    client: KubeClient,
    path: string,
    query: Record<string, string> = {},
  ): Promise<KubeList<T>> {
    const items: T[] = [];
    let token: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const page = await client.get<KubeList<T>>(path, {
        ...query,
        limit: LIST_PAGE,
        continue: token,
      });
      items.push(...page.items);
      resourceVersion ??= page.metadata.resourceVersion;
      token = page.metadata.continue || undefined;
    } while (token);
    return { metadata: { ...(resourceVersion ? { resourceVersion } : {}) }, items };
  }

  /** The VPAs (of one namespace or all); a refusal is worded as the person's own when it is. */
  function verticalAutoscalers(client: KubeClient, namespace?: string) {
    return listVpas(
      () => listAll<VpaObject>(client, scoped(VPA_PATH, namespace)),
      (error) =>
        (as && kube.impersonates() ? userRefusal(error, as)?.message : undefined) ??
        `Kubernetes answered ${error.status} ${error.reason}: ${error.message}`,
    );
  }

  /** Karpenter's pools, claims and classes; what fails to read is listed, not thrown. */
  function karpenter(client: KubeClient) {
    return readKarpenter(
      (path) => listAll(client, path),
      (error) =>
        error instanceof KubeApiError
          ? ((as && kube.impersonates() ? userRefusal(error, as)?.message : undefined) ??
            `Kubernetes answered ${error.status} ${error.reason}: ${error.message}`)
          : error instanceof Error
            ? error.message
            : String(error),
    );
  }

  function nodeLabels(ref: ClusterRef, client: KubeClient): Promise<NodeLabels> {
    // Keyed by whom the read is made as: the cluster's RBAC decides what each person may see of
    // nodes, so one person's answer must never be served to another with different groups.
    return nodeLabelsCache.get(`${clusterKey(ref)}${identityKey(as)}`, async () => {
      try {
        const nodes = await listAll<Node>(client, '/api/v1/nodes');
        return new Map(nodes.items.map((node) => [node.metadata.name, node.metadata.labels ?? {}]));
      } catch (error) {
        // Someone may list pods without reading nodes (RBAC in one namespace): their pods are
        // still listed, with no node-derived placement, rather than refused altogether.
        if (as && error instanceof KubeApiError && error.status === 403) return new Map();
        throw error;
      }
    });
  }

  return {
    namespaces: (ref: ClusterRef): Promise<NamespaceList> =>
      withClient(ref, async (client) => {
        const list = await listAll<{ metadata: { name: string }; status?: { phase?: string } }>(
          client,
          '/api/v1/namespaces',
        );
        return {
          items: list.items
            .map((ns) => ({ name: ns.metadata.name, phase: ns.status?.phase ?? 'Active' }))
            .sort((a, b) => a.name.localeCompare(b.name)),
        };
      }),

    /** One page of pods; namespace, node, phase and labels are filtered by the Kubernetes API itself. */
    pods: (ref: ClusterRef, query: PodQuery): Promise<PodList> =>
      withClient(ref, async (client) => {
        const fields = [
          ...(query.node ? [`spec.nodeName=${query.node}`] : []),
          ...(query.phase ? [`status.phase=${query.phase}`] : []),
        ];
        const [page, labels] = await Promise.all([
          client.get<KubeList<Pod>>(scoped('/api/v1/pods', query.namespace), {
            limit: query.limit,
            continue: query.continue,
            labelSelector: query.labelSelector,
            fieldSelector: fields.join(',') || undefined,
          }),
          nodeLabels(ref, client),
        ]);
        return {
          items: page.items.map((pod) => toPodSummary(pod, labels)),
          ...(page.metadata.continue ? { continue: page.metadata.continue } : {}),
          ...(page.metadata.resourceVersion
            ? { resourceVersion: page.metadata.resourceVersion }
            : {}),
        };
      }),

    pod: (ref: ClusterRef, namespace: string, name: string): Promise<PodDetail> =>
      withClient(ref, async (client) => {
        const base = `/api/v1/namespaces/${encodeURIComponent(namespace)}`;
        const [pod, events, labels, vpas] = await Promise.all([
          client.get<Pod>(`${base}/pods/${encodeURIComponent(name)}`),
          client.get<KubeList<KubeEventObject>>(`${base}/events`, {
            fieldSelector: `involvedObject.kind=Pod,involvedObject.name=${name}`,
          }),
          nodeLabels(ref, client),
          verticalAutoscalers(client, namespace),
        ]);
        const detail = toPodDetail(pod, labels, events.items);
        // The owner chain is read only when some VPA in the namespace could be over this pod.
        if (vpas.objects.length === 0) return detail;
        return withRecommendations(detail, vpas.objects, await workloadOfPod(client, pod));
      }),

    /** Any object the console shows, with its YAML, events, owner chain and children. */
    object: (
      ref: ClusterRef,
      resource: ObjectResource,
      namespace: string | undefined,
      name: string,
    ): Promise<ObjectDetail> =>
      withClient(ref, (client) => readObjectDetail(client, resource, namespace, name)),

    /** The cluster's events (Warning ones unless asked otherwise), folded per object and reason. */
    events: (ref: ClusterRef, query: EventsQuery): Promise<ClusterEventList> =>
      withClient(ref, (client) => readClusterEvents(client, query)),

    /** A container's log; with `follow`, streams into `out` until the client goes away. */
    logs: (
      ref: ClusterRef,
      namespace: string,
      name: string,
      query: LogQuery,
      out: Writable,
      signal: AbortSignal,
    ) =>
      withClient(ref, async (client) => {
        const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}/log`;
        const params = {
          container: query.container,
          tailLines: query.tailLines,
          previous: query.previous || undefined,
          follow: query.follow || undefined,
          timestamps: query.timestamps || undefined,
        };
        if (!query.follow) {
          out.end(await client.text(path, params));
          return;
        }
        const stream = await client.stream(path, params, signal);
        await new Promise<void>((resolve) => {
          stream
            .on('end', resolve)
            .on('error', () => resolve())
            .on('close', resolve);
          stream.pipe(out);
        });
      }),

    workloads: (ref: ClusterRef, namespace: string | undefined): Promise<WorkloadList> =>
      withClient(ref, async (client) => {
        const kinds = Object.keys(WORKLOAD_PATHS) as WorkloadKind[];
        const lists = await Promise.all(
          kinds.map(async (kind) => {
            const list = await listAll<WorkloadObject>(
              client,
              scoped(WORKLOAD_PATHS[kind], namespace),
            );
            return list.items.map((item) => toWorkload(kind, item));
          }),
        );
        return { items: lists.flat() };
      }),

    services: (
      ref: ClusterRef,
      namespace: string | undefined,
    ): Promise<{ items: ServiceSummary[] }> =>
      withClient(ref, async (client) => {
        const list = await listAll<ServiceObject>(client, scoped('/api/v1/services', namespace));
        return { items: list.items.map(toServiceSummary) };
      }),

    nodes: (ref: ClusterRef): Promise<NodeList> =>
      withClient(ref, async (client) => {
        const [nodes, pods] = await Promise.all([
          listAll<Node>(client, '/api/v1/nodes'),
          listAll<Pod>(client, '/api/v1/pods', {
            fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed',
          }).catch((error: unknown) => {
            // A person may read nodes without listing every namespace's pods: the nodes are still
            // theirs to see (and cordon or drain, as far as RBAC lets them), without the requests.
            if (as && error instanceof KubeApiError && error.status === 403) return error;
            throw error;
          }),
        ]);
        const hidden = pods instanceof KubeApiError ? pods : undefined;
        const requests = pods instanceof KubeApiError ? undefined : requestsByNode(pods.items);
        return {
          items: nodes.items
            .map((node) => toNodeSummary(node, requests?.get(node.metadata.name)))
            .sort((a, b) => a.name.localeCompare(b.name)),
          ...(hidden ? { requestsHidden: hidden.message } : {}),
        };
      }),

    autoscaling: (ref: ClusterRef): Promise<AutoscalingView> =>
      withClient(ref, async (client) => {
        const [hpas, deployments, vpas, karpenterView] = await Promise.all([
          listAll<HpaObject>(client, '/apis/autoscaling/v2/horizontalpodautoscalers'),
          listAll<WorkloadObject>(client, '/apis/apps/v1/deployments'),
          verticalAutoscalers(client),
          karpenter(client),
        ]);
        const find = (pattern: RegExp) =>
          deployments.items.find(
            (d) =>
              pattern.test(d.metadata.name) ||
              pattern.test(d.metadata.labels?.['app.kubernetes.io/name'] ?? '') ||
              pattern.test(d.metadata.labels?.app ?? ''),
          );
        const autoscalers: AutoscalingView['nodeAutoscalers'] = [];
        for (const [kind, pattern] of [
          ['cluster-autoscaler', /^cluster-autoscaler/],
          ['karpenter', /^karpenter$/],
        ] as const) {
          const found = find(pattern);
          if (!found) continue;
          const image = found.spec?.template?.spec?.containers?.[0]?.image;
          autoscalers.push({
            kind,
            running: (found.status?.readyReplicas ?? 0) > 0,
            ...(found.metadata.namespace ? { namespace: found.metadata.namespace } : {}),
            workload: found.metadata.name,
            ...(image?.includes(':') ? { version: image.split(':').at(-1) } : {}),
          });
        }
        const { objects: _objects, ...vertical } = vpas;
        return {
          hpas: hpas.items.map(toHpa),
          ...vertical,
          nodeAutoscalers: autoscalers,
          karpenter: karpenterView,
        };
      }),

    /**
     * One upstream Kubernetes watch from `resourceVersion` until the API server ends it, each change
     * mapped to a console event (bookmarks only move the version); `'gone'` when the version expired.
     * The watch hub runs it, once per cluster, kind and namespace, for every browser that follows.
     */
    async runWatch(
      ref: ClusterRef,
      spec: WatchSpec,
      resourceVersion: string,
      onChange: (resourceVersion: string | undefined, event?: WatchEvent) => void,
      signal: AbortSignal,
    ): Promise<'ended' | 'gone'> {
      let gone = false;
      await withClient(ref, async (client) => {
        const labels =
          spec.kind === 'pods'
            ? await nodeLabels(ref, client)
            : new Map<string, Record<string, string>>();
        try {
          await client.lines(
            watchPath(spec),
            { watch: true, allowWatchBookmarks: true, resourceVersion, timeoutSeconds: 300 },
            (line) => {
              const event = JSON.parse(line) as {
                type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
                object: { metadata?: { resourceVersion?: string; name?: string }; code?: number };
              };
              if (event.type === 'ERROR') {
                if (event.object.code === 410) gone = true;
                return;
              }
              const version = event.object.metadata?.resourceVersion;
              if (event.type === 'BOOKMARK') return onChange(version);
              if (spec.kind === 'pods') {
                onChange(version, {
                  kind: 'pod',
                  type: event.type,
                  object: toPodSummary(event.object as unknown as Pod, labels),
                });
              } else {
                nodeLabelsCache.invalidate(clusterKey(ref));
                onChange(version, {
                  kind: 'node',
                  type: event.type,
                  name: event.object.metadata?.name ?? '',
                });
              }
            },
            signal,
          );
        } catch (error) {
          if (error instanceof KubeApiError && error.status === 410) gone = true;
          else throw error;
        }
      });
      return gone ? 'gone' : 'ended';
    },

    /** SelfSubjectAccessReview as this identity: may it do `query` (what views and actions ask first)? */
    accessReview: (ref: ClusterRef, query: AccessReviewQuery): Promise<AccessReview> =>
      withClient(ref, async (client) => {
        const review = await client.post<{ status?: { allowed?: boolean } }>(
          '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
          {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: {
              resourceAttributes: {
                verb: query.verb,
                resource: query.resource,
                group: query.group ?? '',
                ...(query.namespace ? { namespace: query.namespace } : {}),
                ...(query.subresource ? { subresource: query.subresource } : {}),
              },
            },
          },
        );
        const allowed = review.status?.allowed === true;
        const where = query.namespace ? `in ${query.namespace}` : 'across all namespaces';
        const who = as ? `your groups (${as.groups.join(', ')})` : 'the console';
        const resource = query.subresource
          ? `${query.resource}/${query.subresource}`
          : query.resource;
        return {
          allowed,
          verb: query.verb,
          resource,
          ...(query.namespace ? { namespace: query.namespace } : {}),
          ...(allowed ? {} : { reason: `${who} may not ${query.verb} ${resource} ${where}` }),
        };
      }),

    /** The resourceVersion a list of the watched kind has now: where a watch with none starts. */
    currentVersion: (ref: ClusterRef, spec: WatchSpec): Promise<string> =>
      withClient(ref, async (client) => {
        const list = await client.get<KubeList<unknown>>(watchPath(spec), { limit: 1 });
        return list.metadata.resourceVersion ?? '0';
      }),

    /** What scaling a managed node group down drains: its pods and the budgets over them. */
    nodegroupDisruption: (ref: ClusterRef, nodegroup: string): Promise<NodegroupDisruption> =>
      withClient(ref, async (client) => {
        const [nodes, pods, budgets] = await Promise.all([
          listAll<Node>(client, '/api/v1/nodes', {
            labelSelector: `${NODEGROUP_LABEL}=${nodegroup}`,
          }),
          listAll<Pod>(client, '/api/v1/pods', {
            fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed',
          }),
          listAll<PodDisruptionBudgetObject>(client, '/apis/policy/v1/poddisruptionbudgets'),
        ]);
        return nodegroupDisruption(nodegroup, nodes, pods, budgets);
      }),

    /** Pods not Running/Ready per cluster, for the fleet dashboard; one failing cluster is an error entry. */
    async podHealth(clusters: { accountId: string; region: string; name: string }[]): Promise<{
      items: FleetDashboard['pods'];
      errors: SourceError[];
    }> {
      const items: FleetDashboard['pods'] = [];
      const errors: SourceError[] = [];
      await Promise.all(
        clusters.map(async (cluster) => {
          const ref = { accountId: cluster.accountId, region: cluster.region, name: cluster.name };
          try {
            const pods = await withClient(ref, (client) => listAll<Pod>(client, '/api/v1/pods'));
            const unhappy = pods.items.filter((pod) => {
              const phase = pod.status?.phase;
              if (phase === 'Succeeded') return false;
              const ready = pod.status?.conditions?.some(
                (c) => c.type === 'Ready' && c.status === 'True',
              );
              return phase !== 'Running' || !ready;
            });
            items.push({
              ...ref,
              cluster: cluster.name,
              notReady: unhappy.length,
              total: pods.items.length,
            });
          } catch (error) {
            errors.push({
              accountId: cluster.accountId,
              region: cluster.region,
              cluster: cluster.name,
              code: (error as { code?: string; title?: string }).code ?? (error as Error).name,
              message: `Kubernetes API: ${(error as Error).message}`,
            });
          }
        }),
      );
      return { items, errors };
    },
  };
}
export type WorkloadsService = ReturnType<typeof createWorkloadsService>;
/** The reads for one identity (`WorkloadsService.as`). */
export type WorkloadReads = ReturnType<typeof workloadReads>;
