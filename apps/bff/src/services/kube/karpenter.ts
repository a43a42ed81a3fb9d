import type {
  KarpenterNodeClaim,
  KarpenterNodeClass,
  KarpenterNodePool,
  KarpenterView,
} from '@wheelhouse/contract';
import { KubeApiError } from '../../upstream/kubeClient.ts';
import type { KubeList, ObjectMeta } from './kubeTypes.ts';
import { cpuMillis, parseQuantity } from './quantity.ts';

/** Where Karpenter's objects are listed (all cluster-scoped). */
export const NODEPOOLS_PATH = '/apis/karpenter.sh/v1/nodepools';
export const NODECLAIMS_PATH = '/apis/karpenter.sh/v1/nodeclaims';
export const EC2NODECLASSES_PATH = '/apis/karpenter.k8s.aws/v1/ec2nodeclasses';

type Conditions = Array<{ type?: string; status?: string }>;
type Resources = Record<string, string | undefined>;

/**
 * Karpenter's CRDs (client-node has no model of them), read as far as the console uses them;
 * every field optional, as a hand-written object may leave any out.
 */
export interface NodePoolObject {
  metadata: ObjectMeta;
  spec?: {
    template?: {
      spec?: {
        nodeClassRef?: { name?: string };
        requirements?: Array<{ key?: string; operator?: string; values?: string[] }>;
        taints?: Array<{ key?: string; value?: string; effect?: string }>;
      };
    };
    disruption?: {
      consolidationPolicy?: string;
      consolidateAfter?: string;
      budgets?: Array<{ nodes?: string; schedule?: string; duration?: string; reasons?: string[] }>;
    };
    limits?: Resources;
    weight?: number;
  };
  status?: { resources?: Resources; conditions?: Conditions };
}

export interface NodeClaimObject {
  metadata: ObjectMeta;
  status?: { nodeName?: string; capacity?: Resources; conditions?: Conditions };
}

export interface EC2NodeClassObject {
  metadata: ObjectMeta;
  spec?: {
    role?: string;
    amiFamily?: string;
    amiSelectorTerms?: Array<{ alias?: string }>;
  };
  status?: { instanceProfile?: string; conditions?: Conditions };
}

const isReady = (conditions: Conditions | undefined) =>
  conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** A quantity as a number, or nothing when absent or malformed (a limit left out is no limit). */
function amount(quantity: string | undefined, parse: (q: string) => number): number | undefined {
  if (quantity === undefined) return undefined;
  const value = parse(quantity);
  return Number.isFinite(value) ? value : undefined;
}

export function toNodePool(pool: NodePoolObject): KarpenterNodePool {
  const template = pool.spec?.template?.spec;
  const disruption = pool.spec?.disruption;
  const resources = pool.status?.resources ?? {};
  const cpuLimit = amount(pool.spec?.limits?.cpu, cpuMillis);
  const memoryLimit = amount(pool.spec?.limits?.memory, parseQuantity);
  const capacityTypes =
    template?.requirements?.find(
      (r) => r.key === 'karpenter.sh/capacity-type' && r.operator === 'In',
    )?.values ?? [];
  return {
    name: pool.metadata.name,
    nodeClass: template?.nodeClassRef?.name ?? '',
    limits: {
      ...(cpuLimit !== undefined ? { cpuMillis: cpuLimit } : {}),
      ...(memoryLimit !== undefined ? { memoryBytes: Math.round(memoryLimit) } : {}),
    },
    usage: {
      cpuMillis: amount(resources.cpu, cpuMillis) ?? 0,
      memoryBytes: Math.round(amount(resources.memory, parseQuantity) ?? 0),
      nodes: Math.round(amount(resources.nodes, Number) ?? 0),
    },
    disruption: {
      // Karpenter's default when the pool names none.
      consolidationPolicy: disruption?.consolidationPolicy ?? 'WhenEmptyOrUnderutilized',
      ...(disruption?.consolidateAfter ? { consolidateAfter: disruption.consolidateAfter } : {}),
      budgets: (disruption?.budgets ?? []).map((budget) => ({
        nodes: budget.nodes ?? '10%',
        ...(budget.schedule ? { schedule: budget.schedule } : {}),
        ...(budget.duration ? { duration: budget.duration } : {}),
        ...(budget.reasons ? { reasons: budget.reasons } : {}),
      })),
    },
    ...(pool.spec?.weight !== undefined ? { weight: pool.spec.weight } : {}),
    capacityTypes,
    taints: (template?.taints ?? []).map(
      (t) => `${t.key ?? ''}${t.value ? `=${t.value}` : ''}:${t.effect ?? ''}`,
    ),
    ready: isReady(pool.status?.conditions),
    ...(pool.metadata.creationTimestamp ? { createdAt: pool.metadata.creationTimestamp } : {}),
  };
}

export function toNodeClaim(claim: NodeClaimObject): KarpenterNodeClaim {
  const labels = claim.metadata.labels ?? {};
  const capacity = claim.status?.capacity ?? {};
  const cpu = amount(capacity.cpu, cpuMillis);
  const memory = amount(capacity.memory, parseQuantity);
  const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});
  return {
    name: claim.metadata.name,
    nodePool: labels['karpenter.sh/nodepool'] ?? '',
    ...optional('nodeName', claim.status?.nodeName),
    ...optional('instanceType', labels['node.kubernetes.io/instance-type']),
    ...optional('capacityType', labels['karpenter.sh/capacity-type']),
    ...optional('zone', labels['topology.kubernetes.io/zone']),
    ...(cpu !== undefined ? { cpuMillis: cpu } : {}),
    ...(memory !== undefined ? { memoryBytes: Math.round(memory) } : {}),
    ready: isReady(claim.status?.conditions),
    ...optional('createdAt', claim.metadata.creationTimestamp),
  };
}

export function toNodeClass(nodeClass: EC2NodeClassObject): KarpenterNodeClass {
  return {
    name: nodeClass.metadata.name,
    ...(nodeClass.spec?.role ? { role: nodeClass.spec.role } : {}),
    ...(nodeClass.status?.instanceProfile
      ? { instanceProfile: nodeClass.status.instanceProfile }
      : {}),
    amiAliases: (nodeClass.spec?.amiSelectorTerms ?? []).flatMap((term) =>
      term.alias ? [term.alias] : [],
    ),
    ...(nodeClass.spec?.amiFamily ? { amiFamily: nodeClass.spec.amiFamily } : {}),
    ready: isReady(nodeClass.status?.conditions),
  };
}

type Lister = <T>(path: string) => Promise<KubeList<T>>;

const byName = <T extends { name: string }>(items: T[]) =>
  items.sort((a, b) => a.name.localeCompare(b.name));

/**
 * Karpenter's view of a cluster. A 404 on NodePools (no karpenter.sh API: Karpenter is not
 * installed, as on most clusters) answers `installed: false`; any other failure of one list is
 * named in `errors` and leaves the other lists, and the rest of the autoscaling answer, standing.
 */
export async function readKarpenter(
  list: Lister,
  explain: (error: unknown) => string,
): Promise<KarpenterView> {
  const [pools, claims, classes] = await Promise.allSettled([
    list<NodePoolObject>(NODEPOOLS_PATH),
    list<NodeClaimObject>(NODECLAIMS_PATH),
    list<EC2NodeClassObject>(EC2NODECLASSES_PATH),
  ]);
  const missing = (result: PromiseSettledResult<unknown>) =>
    result.status === 'rejected' &&
    result.reason instanceof KubeApiError &&
    result.reason.status === 404;
  if (missing(pools))
    return { installed: false, nodePools: [], nodeClaims: [], nodeClasses: [], errors: [] };
  const errors: KarpenterView['errors'] = [];
  const items = <T>(result: PromiseSettledResult<KubeList<T>>, resource: string): T[] => {
    if (result.status === 'fulfilled') return result.value.items;
    // EC2NodeClasses live in the AWS provider's group: a Karpenter without it has none.
    if (!missing(result)) errors.push({ resource, message: explain(result.reason) });
    return [];
  };
  return {
    installed: true,
    nodePools: byName(items(pools, 'nodepools.karpenter.sh').map(toNodePool)),
    nodeClaims: byName(items(claims, 'nodeclaims.karpenter.sh').map(toNodeClaim)),
    nodeClasses: byName(items(classes, 'ec2nodeclasses.karpenter.k8s.aws').map(toNodeClass)),
    errors,
  };
}
