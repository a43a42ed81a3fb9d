import type { PodList, PodSummary, WatchEvent } from '@wheelhouse/contract';
import { matchesLabels, parseLabelSelector } from '@wheelhouse/contract';
import type { PodKeyFilters } from './queryKeys.ts';

/** A pod change from the watch stream. */
export type PodWatchEvent = Extract<WatchEvent, { kind: 'pod' }>;

/**
 * A pods list as the browser holds it: loaded page by page, then kept current by watch events.
 * `resourceVersion` is the first page's (the list is one snapshot at that version; the watch
 * sends what changed after it).
 */
export interface PodListState {
  items: PodSummary[];
  resourceVersion?: string;
  /** False while later pages are still loading. */
  complete: boolean;
  /**
   * Pods the watch removed (deleted, or no longer matching the filters) before their page arrived;
   * that page holds an older state and must not bring them back. Emptied once the list is complete.
   */
  removed: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export const EMPTY_POD_LIST: PodListState = { items: [], complete: false, removed: NONE };

/**
 * Adds one page of the list. A pod already present came from a watch event, which is newer than
 * the page, so it stays as it is; pods the watch removed stay removed.
 */
export function appendPodPage(state: PodListState, page: PodList): PodListState {
  const known = new Set(state.items.map((pod) => pod.uid));
  const fresh = page.items.filter((pod) => !known.has(pod.uid) && !state.removed.has(pod.uid));
  const complete = !page.continue;
  const resourceVersion = state.resourceVersion ?? page.resourceVersion;
  return {
    items: fresh.length > 0 ? [...state.items, ...fresh] : state.items,
    ...(resourceVersion ? { resourceVersion } : {}),
    complete,
    removed: complete ? NONE : state.removed,
  };
}

/**
 * Applies watch events in order. Rows keep their place (same uid, new object), new pods are
 * appended, and a pod that no longer matches the list's filters leaves it like a deleted one.
 */
export function applyPodEvents(
  state: PodListState,
  events: readonly PodWatchEvent[],
  matches: (pod: PodSummary) => boolean,
): PodListState {
  if (events.length === 0) return state;
  const items: (PodSummary | null)[] = [...state.items];
  const index = new Map(state.items.map((pod, at) => [pod.uid, at]));
  const removed = state.complete ? undefined : new Set(state.removed);
  for (const event of events) {
    const pod = event.object;
    const at = index.get(pod.uid);
    if (event.type !== 'DELETED' && matches(pod)) {
      if (at === undefined) {
        index.set(pod.uid, items.length);
        items.push(pod);
      } else {
        items[at] = pod;
      }
      removed?.delete(pod.uid);
    } else {
      if (at !== undefined) items[at] = null;
      removed?.add(pod.uid);
    }
  }
  return {
    ...state,
    items: items.filter((pod): pod is PodSummary => pod !== null),
    removed: removed ?? NONE,
  };
}

/**
 * Whether a pod belongs in a list with these server-side filters (the watch only narrows by
 * namespace). An unreadable label selector matches nothing new: the server refused it anyway.
 */
export function podFilterMatcher(filters: PodKeyFilters): (pod: PodSummary) => boolean {
  const selector = parseLabelSelector(filters.labelSelector ?? '');
  return (pod) =>
    (!filters.namespace || pod.namespace === filters.namespace) &&
    (!filters.node || pod.node === filters.node) &&
    (!filters.phase || pod.phase === filters.phase) &&
    selector !== undefined &&
    matchesLabels(pod.labels, selector);
}
