import { apiVersionOf } from '../objects/resourceTypes.ts';
import type { ObjectStore, StoreEvent } from '../objects/objectStore.ts';
import type { KubeObject } from '../objects/types.ts';
import { flag, integerParam, type KubeExchange } from './httpExchange.ts';
import { selectionOf } from './listing.ts';
import type { ResourceRequest } from './resourcePath.ts';
import { statusBody, kubeErrors } from './status.ts';
import { tableOf, type IncludeObject } from './tables.ts';

/** How often a watch with allowWatchBookmarks gets a BOOKMARK (real ones: about a minute). */
const BOOKMARK_MS = 5_000;
const DEFAULT_TIMEOUT_S = 1_800;

export interface WatchOptions {
  /** Send each object as a one-row Table (kubectl get -w). */
  table?: { include: IncludeObject; now: () => number };
  /** Ends every open watch when the cluster's API server stops. */
  onStop(close: () => void): () => void;
}

/**
 * A watch stream: newline-delimited JSON WatchEvents. Without a
 * resourceVersion (or with "0") it starts with ADDED for every matching
 * object; with one it replays the changes since, or answers 410 Expired in
 * an ERROR event when they are no longer held. Selectors apply to both sides
 * of a change: an object that stops matching is DELETED from the watcher's
 * view, one that starts matching is ADDED.
 */
export function serveWatch(
  store: ObjectStore,
  exchange: KubeExchange,
  request: ResourceRequest,
  options: WatchOptions,
): void {
  const { query, res } = exchange;
  const selection = selectionOf(request, query);
  const bookmarks = flag(query, 'allowWatchBookmarks');
  const timeoutSeconds = integerParam(query, 'timeoutSeconds') ?? DEFAULT_TIMEOUT_S;
  const from = query.get('resourceVersion');
  const plural = request.type.plural;
  const kind = request.type.kind;
  const apiVersion = apiVersionOf(request.type);

  res.writeHead(200, {
    'content-type': options.table
      ? 'application/json;as=Table;v=v1;g=meta.k8s.io'
      : 'application/json',
    'cache-control': 'no-cache, private',
    'transfer-encoding': 'chunked',
  });
  res.flushHeaders();

  const send = (type: string, object: unknown) => {
    const payload =
      options.table && type !== 'BOOKMARK' && type !== 'ERROR'
        ? tableOf(kind, [object as KubeObject], {
            now: options.table.now(),
            include: options.table.include,
            listMeta: {},
          })
        : object;
    res.write(`${JSON.stringify({ type, object: payload })}\n`);
  };
  const deliver = (event: StoreEvent) => {
    if (event.plural !== plural) return;
    const now = selection.matches(event.object);
    const before = event.previous ? selection.matches(event.previous) : now;
    if (event.type === 'MODIFIED') {
      if (now && before) send('MODIFIED', event.object);
      else if (now) send('ADDED', event.object);
      else if (before) send('DELETED', event.object);
    } else if (now) send(event.type, event.object);
  };
  const bookmark = () =>
    send('BOOKMARK', {
      kind,
      apiVersion,
      metadata: { resourceVersion: String(store.resourceVersion) },
    });

  if (!from || from === '0') {
    for (const object of store.all<KubeObject>(plural, selection.namespace)) {
      if (selection.matches(object)) send('ADDED', object);
    }
  } else {
    const changes = /^\d+$/.test(from) ? store.changesSince(Number(from)) : undefined;
    if (!changes) {
      send(
        'ERROR',
        statusBody(
          kubeErrors.expired(`too old resource version: ${from} (${store.resourceVersion})`),
        ),
      );
      res.end();
      return;
    }
    for (const change of changes) deliver(change);
  }

  const unsubscribe = store.subscribe(deliver);
  const ticker = bookmarks ? setInterval(bookmark, BOOKMARK_MS) : undefined;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    unsubscribe();
    stopListening();
    if (ticker) clearInterval(ticker);
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(
    () => {
      // The API server sends a last bookmark before it ends a watch on timeout.
      if (bookmarks) bookmark();
      finish();
    },
    Math.max(0, timeoutSeconds) * 1000,
  );
  const stopListening = options.onStop(finish);
  res.on('close', finish);
}
