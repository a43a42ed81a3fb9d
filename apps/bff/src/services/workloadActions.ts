import type {
  BudgetImpact,
  ClusterRef,
  DeletePodRequest,
  DisruptionPreview,
  DrainResult,
  DrainedPod,
  KubeActionResult,
  KubeIdentity,
  RestartableKind,
  ScalableKind,
} from '@wheelhouse/contract';
import { ConflictError, UpstreamError } from '../errors.ts';
import { KubeApiError, type KubeClient } from '../upstream/kubeClient.ts';
import type { KubeAccess } from '../upstream/kubeAccess.ts';
import type { KubeUserIdentity } from '../auth/kubeIdentity.ts';
import { confirmName, type ChangeContext, type RunChange } from './changeRunner.ts';
import { selectorMatches } from './kube/nodegroupDisruption.ts';
import type {
  HpaObject,
  KubeList,
  LabelSelector,
  Pod,
  PodDisruptionBudgetObject,
} from './kube/kubeTypes.ts';

/** The annotation `kubectl rollout restart` sets on the pod template; its change rolls the pods. */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_PATCH = 'application/strategic-merge-patch+json';
const KIND_OF: Record<string, string> = {
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
};

interface WorkloadObject {
  metadata: { name: string; namespace?: string };
  spec: {
    replicas?: number;
    selector?: LabelSelector;
    template?: { metadata?: { labels?: Record<string, string> } };
  };
}

/** A Kubernetes refusal in the API server's own words, marked as coming from the cluster. */
function fromKube(error: unknown): never {
  if (error instanceof KubeApiError) {
    throw new UpstreamError(
      error.status >= 400 && error.status < 600 ? error.status : 502,
      error.reason,
      error.message,
      undefined,
      'kubernetes',
    );
  }
  throw error;
}

const workloadPath = (kind: string, namespace: string, name: string) =>
  `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/${kind}/${encodeURIComponent(name)}`;

/**
 * Kubernetes changes from the console: rollout restart, scale, pod delete, cordon, uncordon and
 * drain. Each runs through the change runner, so it is audited before and after the call, with the
 * identity the cluster saw. The client comes from the same per-cluster path the reads use, so
 * impersonation of the signed-in user applies to these calls as soon as that path carries it.
 */
/** A change's context and the person the cluster sees. */
export type Actor = ChangeContext & { kube: KubeUserIdentity };

export function createWorkloadActions(kube: KubeAccess, runChange: RunChange) {
  /** Who the cluster sees: the signed-in user (impersonated), or the console's own IAM principal. */
  async function identityFor(ref: ClusterRef, as: KubeUserIdentity): Promise<KubeIdentity> {
    if (kube.impersonates()) return { as: 'user', principal: as.user };
    const principal = await kube.principalFor(ref).catch(() => undefined);
    return { as: 'console', ...(principal ? { principal } : {}) };
  }

  async function act<T extends object>(
    ref: ClusterRef,
    context: Actor,
    spec: { action: string; target: string; params: Record<string, unknown> },
    call: (client: KubeClient) => Promise<T & { message: string }>,
  ): Promise<T & KubeActionResult> {
    const { kube: as, ...change } = context;
    const identity = await identityFor(ref, as);
    const target = `${ref.accountId}/${ref.region}/${ref.name}/${spec.target}`;
    return runChange(
      change,
      { ...spec, target, params: { ...spec.params, identity } },
      async () => {
        const client = await kube.clientFor(ref, as);
        try {
          return { result: { ...(await call(client)), identity } };
        } catch (error) {
          return fromKube(error);
        }
      },
    );
  }

  async function budgetsIn(client: KubeClient, namespace?: string) {
    const path = namespace
      ? `/apis/policy/v1/namespaces/${encodeURIComponent(namespace)}/poddisruptionbudgets`
      : '/apis/policy/v1/poddisruptionbudgets';
    return (await client.get<KubeList<PodDisruptionBudgetObject>>(path)).items;
  }

  function impacts(budgets: PodDisruptionBudgetObject[], pods: Pod[]): BudgetImpact[] {
    return budgets.flatMap((budget) => {
      const affected = pods.filter(
        (pod) =>
          pod.metadata.namespace === budget.metadata.namespace &&
          budget.spec?.selector !== undefined &&
          selectorMatches(budget.spec.selector, pod.metadata.labels ?? {}),
      ).length;
      if (affected === 0) return [];
      const status = (budget.status ?? {}) as {
        disruptionsAllowed?: number;
        currentHealthy?: number;
        desiredHealthy?: number;
      };
      const allowed = status.disruptionsAllowed ?? 0;
      return [
        {
          namespace: budget.metadata.namespace ?? '',
          name: budget.metadata.name,
          disruptionsAllowed: allowed,
          currentHealthy: status.currentHealthy ?? 0,
          desiredHealthy: status.desiredHealthy ?? 0,
          affectedPods: affected,
          violated: affected > allowed,
        },
      ];
    });
  }

  /** The pods a drain evicts: not DaemonSet pods, mirror pods or finished ones (kubectl drain's rules). */
  async function drainablePods(client: KubeClient, node: string) {
    const pods = await client.get<KubeList<Pod>>('/api/v1/pods', {
      fieldSelector: `spec.nodeName=${node}`,
    });
    const skipped: DrainedPod[] = [];
    const evictable: Pod[] = [];
    for (const pod of pods.items) {
      const entry = { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name };
      if (pod.metadata.ownerReferences?.some((owner) => owner.kind === 'DaemonSet'))
        skipped.push({ ...entry, outcome: 'skipped', message: 'managed by a DaemonSet' });
      else if (pod.metadata.annotations?.['kubernetes.io/config.mirror'])
        skipped.push({ ...entry, outcome: 'skipped', message: 'a static (mirror) pod' });
      else if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')
        skipped.push({ ...entry, outcome: 'skipped', message: `already ${pod.status.phase}` });
      else evictable.push(pod);
    }
    return { evictable, skipped };
  }

  async function hpaOwning(
    client: KubeClient,
    kind: ScalableKind,
    namespace: string,
    name: string,
  ) {
    const hpas = await client.get<KubeList<HpaObject>>(
      `/apis/autoscaling/v2/namespaces/${encodeURIComponent(namespace)}/horizontalpodautoscalers`,
    );
    return hpas.items.find(
      (hpa) =>
        hpa.spec.scaleTargetRef.kind === KIND_OF[kind] && hpa.spec.scaleTargetRef.name === name,
    );
  }

  const cordonPatch = (client: KubeClient, node: string, unschedulable: boolean) =>
    client.write(
      'PATCH',
      `/api/v1/nodes/${encodeURIComponent(node)}`,
      {
        spec: { unschedulable: unschedulable ? true : null },
      },
      { contentType: MERGE_PATCH },
    );

  return {
    restart(
      ref: ClusterRef,
      context: Actor,
      kind: RestartableKind,
      namespace: string,
      name: string,
    ) {
      return act(
        ref,
        context,
        { action: 'workload.restart', target: `${kind}/${namespace}/${name}`, params: {} },
        async (client) => {
          const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
          await client.write(
            'PATCH',
            workloadPath(kind, namespace, name),
            { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: at } } } } },
            { contentType: STRATEGIC_PATCH },
          );
          return { message: `${KIND_OF[kind]} ${namespace}/${name} restarted at ${at}.` };
        },
      );
    },

    scale(
      ref: ClusterRef,
      context: Actor,
      kind: ScalableKind,
      namespace: string,
      name: string,
      replicas: number,
    ) {
      return act(
        ref,
        context,
        { action: 'workload.scale', target: `${kind}/${namespace}/${name}`, params: { replicas } },
        async (client) => {
          const hpa = await hpaOwning(client, kind, namespace, name);
          if (hpa) {
            const { minReplicas = 1, maxReplicas } = hpa.spec as {
              minReplicas?: number;
              maxReplicas?: number;
            };
            throw new ConflictError(
              `The HorizontalPodAutoscaler ${hpa.metadata.name} owns the replicas of ${KIND_OF[kind]} ${namespace}/${name} (between ${minReplicas} and ${maxReplicas}); change the autoscaler's range instead.`,
            );
          }
          await client.write(
            'PATCH',
            `${workloadPath(kind, namespace, name)}/scale`,
            { spec: { replicas } },
            { contentType: MERGE_PATCH },
          );
          return { message: `${KIND_OF[kind]} ${namespace}/${name} scaled to ${replicas}.` };
        },
      );
    },

    deletePod(
      ref: ClusterRef,
      context: Actor,
      namespace: string,
      pod: string,
      request: DeletePodRequest,
    ) {
      confirmName(request, pod);
      return act(
        ref,
        context,
        {
          action: 'pod.delete',
          target: `pods/${namespace}/${pod}`,
          params:
            request.gracePeriodSeconds !== undefined
              ? { gracePeriodSeconds: request.gracePeriodSeconds }
              : {},
        },
        async (client) => {
          await client.write(
            'DELETE',
            `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`,
            undefined,
            {
              query: { gracePeriodSeconds: request.gracePeriodSeconds },
            },
          );
          return { message: `Pod ${namespace}/${pod} is being deleted.` };
        },
      );
    },

    cordon(ref: ClusterRef, context: Actor, node: string, unschedulable: boolean) {
      const verb = unschedulable ? 'cordon' : 'uncordon';
      return act(
        ref,
        context,
        { action: `node.${verb}`, target: `nodes/${node}`, params: {} },
        async (client) => {
          await cordonPatch(client, node, unschedulable);
          return { message: `Node ${node} ${verb}ed.` };
        },
      );
    },

    drain(ref: ClusterRef, context: Actor, node: string): Promise<DrainResult> {
      return act(
        ref,
        context,
        { action: 'node.drain', target: `nodes/${node}`, params: {} },
        async (client) => {
          await cordonPatch(client, node, true);
          const { evictable, skipped } = await drainablePods(client, node);
          // One after another, as kubectl drain does: each eviction spends the budget the next one sees.
          const results: DrainedPod[] = [];
          for (const pod of evictable) {
            const namespace = pod.metadata.namespace ?? '';
            const entry = { namespace, name: pod.metadata.name };
            try {
              await client.write(
                'POST',
                `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/eviction`,
                {
                  apiVersion: 'policy/v1',
                  kind: 'Eviction',
                  metadata: { name: pod.metadata.name, namespace },
                },
              );
              results.push({ ...entry, outcome: 'evicted' });
            } catch (error) {
              if (!(error instanceof KubeApiError)) throw error;
              results.push({
                ...entry,
                outcome: error.status === 429 ? 'blocked' : 'failed',
                message: error.message,
              });
            }
          }
          const blocked = results.filter((pod) => pod.outcome !== 'evicted').length;
          const message =
            blocked === 0
              ? `Node ${node} cordoned; ${results.length} pods evicted.`
              : `Node ${node} cordoned; ${results.length - blocked} pods evicted, ${blocked} not (see each pod).`;
          return { message, pods: [...results, ...skipped] };
        },
      );
    },

    /** What scaling down to `replicas` would take from the budgets over the workload's pods. */
    async scalePreview(
      ref: ClusterRef,
      as: KubeUserIdentity,
      kind: ScalableKind,
      namespace: string,
      name: string,
      replicas: number,
    ): Promise<DisruptionPreview> {
      const client = await kube.clientFor(ref, as);
      try {
        const workload = await client.get<WorkloadObject>(workloadPath(kind, namespace, name));
        const current = workload.spec.replicas ?? 1;
        const removed = Math.max(0, current - replicas);
        const labels = workload.spec.template?.metadata?.labels ?? {};
        const pods = Array.from(
          { length: removed },
          (_, i): Pod =>
            ({
              metadata: { name: `${name}-${i}`, namespace, labels },
            }) as Pod,
        );
        return { pods: removed, budgets: impacts(await budgetsIn(client, namespace), pods) };
      } catch (error) {
        return fromKube(error);
      }
    },

    /** The pods a drain would evict and the budgets that would refuse some of them. */
    async drainPreview(
      ref: ClusterRef,
      as: KubeUserIdentity,
      node: string,
    ): Promise<DisruptionPreview> {
      const client = await kube.clientFor(ref, as);
      try {
        const { evictable } = await drainablePods(client, node);
        return { pods: evictable.length, budgets: impacts(await budgetsIn(client), evictable) };
      } catch (error) {
        return fromKube(error);
      }
    },
  };
}
export type WorkloadActions = ReturnType<typeof createWorkloadActions>;
