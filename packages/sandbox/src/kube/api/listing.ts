import { readField, supportsField } from '../objects/fields.ts';
import { keyOf, type ObjectStore, type StoreEvent } from '../objects/objectStore.ts';
import {
  SelectorError,
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
} from '../objects/selectors.ts';
import type { KubeObject } from '../objects/types.ts';
import { integerParam } from './httpExchange.ts';
import type { ResourceRequest } from './resourcePath.ts';
import { kubeErrors } from './status.ts';

/** Which objects of a list or watch request match: namespace, labelSelector and fieldSelector. */
export interface Selection {
  namespace?: string;
  matches: (object: KubeObject) => boolean;
  /** spec.nodeName=<node> (pods): served from the node index instead of a scan. */
  nodeName?: string;
  filtered: boolean;
}

export function selectionOf(request: ResourceRequest, query: URLSearchParams): Selection {
  try {
    const labels = parseLabelSelector(query.get('labelSelector') ?? undefined);
    const fields = parseFieldSelector(query.get('fieldSelector') ?? undefined, (field) =>
      supportsField(request.type.kind, field),
    );
    const node = fields.find((field) => field.field === 'spec.nodeName' && !field.negate);
    return {
      ...(request.namespace !== undefined ? { namespace: request.namespace } : {}),
      ...(node && request.type.plural === 'pods' ? { nodeName: node.value } : {}),
      filtered: labels.length > 0 || fields.length > 0,
      matches: (object) =>
        (request.namespace === undefined || object.metadata.namespace === request.namespace) &&
        matchesLabels(labels, object.metadata.labels) &&
        matchesFields(fields, object, readField),
    };
  } catch (error) {
    if (error instanceof SelectorError) throw kubeErrors.badRequest(error.message);
    throw error;
  }
}

interface ContinueToken {
  /** The resourceVersion of the first page. */
  rv: number;
  /** The last key returned. */
  start: string;
}

function encodeContinue(token: ContinueToken): string {
  return Buffer.from(
    JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.rv, start: token.start }),
  ).toString('base64url');
}

function decodeContinue(text: string): ContinueToken {
  try {
    const parsed = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    ) as Partial<ContinueToken>;
    if (typeof parsed.rv === 'number' && typeof parsed.start === 'string') {
      return { rv: parsed.rv, start: parsed.start };
    }
  } catch {
    // fall through
  }
  throw kubeErrors.badRequest(
    'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
  );
}

/** First index in sorted `keys` strictly after `after`. */
function indexAfter(keys: string[], after: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keys[middle]! <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface ListPage {
  items: KubeObject[];
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
}

/**
 * The keys and objects of a list as they were before `changes` (newest last): each changed key
 * takes its state from the oldest change, undone (an ADDED key was absent, a DELETED one was there).
 */
function snapshotAt(
  plural: string,
  keys: string[],
  current: (key: string) => KubeObject | undefined,
  changes: StoreEvent[],
  selection: Selection,
): { keys: string[]; objectAt: (key: string) => KubeObject | undefined } {
  const before = new Map<string, KubeObject | undefined>();
  for (let i = changes.length - 1; i >= 0; i--) {
    const change = changes[i]!;
    if (change.plural !== plural) continue;
    const { namespace, name } = change.object.metadata;
    before.set(
      keyOf(namespace, name),
      change.type === 'ADDED'
        ? undefined
        : change.type === 'DELETED'
          ? change.object
          : (change.previous ?? change.object),
    );
  }
  if (before.size === 0) return { keys, objectAt: current };
  // The current keys are sorted already: drop the ones added since, insert the deleted ones back,
  // rather than sorting the whole (maybe 10,000-key) list again on every page.
  const added = new Set<string>();
  const deleted: string[] = [];
  for (const [key, object] of before) {
    if (!object) added.add(key);
    else if (!current(key) && selection.matches(object)) deleted.push(key);
  }
  const snapshot =
    added.size > 0 ? keys.filter((key) => !added.has(key)) : deleted.length > 0 ? [...keys] : keys;
  for (const key of deleted) snapshot.splice(indexAfter(snapshot, key), 0, key);
  return {
    keys: snapshot,
    objectAt: (key) => (before.has(key) ? before.get(key) : current(key)),
  };
}

/**
 * One page of a list, in etcd order (namespace, name). `limit` and
 * `continue` page through it with opaque tokens; a token older than the
 * changes the store still holds answers 410 Expired, as a compacted etcd
 * would. Every page shows the objects as they were at the first page's
 * resourceVersion, as the API server serves a paged list from one snapshot.
 */
export function listPage(
  store: ObjectStore,
  request: ResourceRequest,
  query: URLSearchParams,
): ListPage {
  const selection = selectionOf(request, query);
  const limit = integerParam(query, 'limit');
  const token = query.get('continue');
  const plural = request.type.plural;
  let rv = store.resourceVersion;
  let start = 0;
  let keys =
    selection.nodeName !== undefined
      ? store.keysOnNode(plural, selection.nodeName)
      : store.sortedKeys(plural, selection.namespace);
  let objectAt = (key: string) => store.byKey<KubeObject>(plural, key);
  if (token) {
    const decoded = decodeContinue(token);
    const changes = store.changesSince(decoded.rv);
    if (changes === undefined) {
      throw kubeErrors.expired(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      );
    }
    rv = decoded.rv;
    ({ keys, objectAt } = snapshotAt(plural, keys, objectAt, changes, selection));
    start = indexAfter(keys, decoded.start);
  }
  const items: KubeObject[] = [];
  let index = start;
  let more = false;
  for (; index < keys.length; index++) {
    const object = objectAt(keys[index]!);
    if (!object || !selection.matches(object)) continue;
    if (limit !== undefined && limit > 0 && items.length >= limit) {
      more = true;
      break;
    }
    items.push(object);
  }
  const last = items.at(-1);
  const metadata: ListPage['metadata'] = { resourceVersion: String(rv) };
  if (more && last) {
    metadata.continue = encodeContinue({ rv, start: keys[index - 1] ?? '' });
    if (!selection.filtered) metadata.remainingItemCount = keys.length - index;
  }
  return { items, metadata };
}
