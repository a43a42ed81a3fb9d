import type { SortState } from '../../components/DataTable.tsx';

export const RESOURCE_VIEWS = [
  'workloads',
  'pods',
  'services',
  'nodes',
  'autoscaling',
  'events',
] as const;
/** A sub-view of the Resources tab (`?view=`). */
export type ResourceView = (typeof RESOURCE_VIEWS)[number];

export const POD_PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] as const;

/**
 * What the Resources tab shows, as its URL says: `?tab=resources&view=pods&ns=shop&q=web
 * &phase=Pending&node=ip-10-0-1-5&labels=app%3Dweb&sort=restarts&dir=desc`. Empty means unset.
 */
export interface ResourcesParams {
  view: ResourceView;
  /** Namespace; '' is all namespaces. */
  ns: string;
  /** Name filter, applied in the browser. */
  q: string;
  /** Pods only, filtered by the Kubernetes API. */
  phase: string;
  node: string;
  labels: string;
  /** Events only, filtered by the Kubernetes API: the involved object's kind, the reason, the type. */
  kind: string;
  reason: string;
  /** '' is Warning (the view's default), or Normal, or all. */
  type: string;
  /** Sorted column of the current view ('' = the view's default) and direction. */
  sort: string;
  desc: boolean;
}

const KEYS = ['ns', 'q', 'phase', 'node', 'labels', 'kind', 'reason', 'type', 'sort'] as const;

const isView = (value: string | null): value is ResourceView =>
  (RESOURCE_VIEWS as readonly (string | null)[]).includes(value);
const isPhase = (value: string) => (POD_PHASES as readonly string[]).includes(value);

export function parseResourcesParams(params: URLSearchParams): ResourcesParams {
  const view = params.get('view');
  const phase = params.get('phase') ?? '';
  return {
    view: isView(view) ? view : 'workloads',
    ns: params.get('ns')?.trim() ?? '',
    q: params.get('q') ?? '',
    phase: isPhase(phase) ? phase : '',
    node: params.get('node')?.trim() ?? '',
    labels: params.get('labels')?.trim() ?? '',
    kind: params.get('kind')?.trim() ?? '',
    reason: params.get('reason')?.trim() ?? '',
    type: ['Normal', 'all'].includes(params.get('type') ?? '') ? (params.get('type') ?? '') : '',
    sort: params.get('sort') ?? '',
    desc: params.get('dir') === 'desc',
  };
}

/**
 * Writes the Resources state into the page's query, keeping what other parts own (`tab`), and
 * leaving out defaults so links stay short.
 */
export function writeResourcesParams(
  current: URLSearchParams,
  next: ResourcesParams,
): URLSearchParams {
  const params = new URLSearchParams(current);
  params.set('view', next.view);
  for (const key of KEYS) {
    if (next[key]) params.set(key, next[key]);
    else params.delete(key);
  }
  if (next.sort && next.desc) params.set('dir', 'desc');
  else params.delete('dir');
  return params;
}

/** Switching views keeps the namespace and drops what belonged to the view left. */
export function switchView(current: ResourcesParams, view: ResourceView): ResourcesParams {
  return {
    ...current,
    view,
    q: '',
    phase: '',
    node: '',
    labels: '',
    kind: '',
    reason: '',
    type: '',
    sort: '',
    desc: false,
  };
}

/** The table sort of the current view, or its default. */
export function sortOf(params: ResourcesParams, fallback: string): SortState {
  return params.sort ? { id: params.sort, desc: params.desc } : { id: fallback, desc: false };
}

/** A link into the Resources tab of a cluster, e.g. the pods of one node. */
export function resourcesHref(
  clusterPagePath: string,
  view: ResourceView,
  extra: { ns?: string; node?: string } = {},
): string {
  const params = new URLSearchParams({ tab: 'resources', view });
  if (extra.ns) params.set('ns', extra.ns);
  if (extra.node) params.set('node', extra.node);
  return `${clusterPagePath}?${params.toString()}`;
}
