import type { WatchEvent } from '@wheelhouse/contract';

/** Where a watch stream stands: opening, receiving, waiting to retry, or stopped for a re-list. */
export type WatchStatus = 'connecting' | 'live' | 'reconnecting' | 'resyncing';

export interface WatchState {
  status: WatchStatus;
  /** When reconnecting: how long until the next try. */
  retryInMs?: number;
  /** What went wrong last, as the server or the browser said it. */
  message?: string;
}

export interface WatchHandlers {
  onEvent: (event: WatchEvent) => void;
  onState: (state: WatchState) => void;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
// A connection that stayed up this long was healthy: the next failure starts the backoff afresh.
const STABLE_MS = 15_000;

const WATCH_KINDS = new Set(['pod', 'node', 'reset']);

/** One `data:` line of the stream as a WatchEvent; anything else (a proxy's page, garbage) is dropped. */
export function parseWatchEvent(data: string): WatchEvent | undefined {
  try {
    const event: unknown = JSON.parse(data);
    if (typeof event !== 'object' || event === null) return undefined;
    const { kind } = event as { kind?: unknown };
    return typeof kind === 'string' && WATCH_KINDS.has(kind) ? (event as WatchEvent) : undefined;
  } catch {
    return undefined;
  }
}

function errorMessage(event: Event): string | undefined {
  // The BFF names its own failures `event: error` with {message}; the browser's own error event
  // (connection lost or refused) carries no data.
  const data = (event as MessageEvent<unknown>).data;
  if (typeof data !== 'string') return undefined;
  try {
    const { message } = JSON.parse(data) as { message?: unknown };
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The stream's URL resuming after `version`: each event's SSE id is its resourceVersion, and a new
 * connection (to whichever replica the load balancer picks) that brings it gets only later changes.
 */
export function resumeUrl(url: string, version: string): string {
  const at = url.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
  params.set('resourceVersion', version);
  return `${at < 0 ? url : url.slice(0, at)}?${params.toString()}`;
}

/**
 * Follows a BFF watch stream (server-sent events, same origin, so the session cookie goes along).
 * After an error it reconnects itself with exponential backoff (1 s doubling to 30 s) instead of
 * the browser's fixed retry, resuming after the last event it received (none is lost or repeated);
 * after a `reset` it stops, since only a fresh list can follow. Returns the function that closes it.
 */
export function watchKube(url: string, handlers: WatchHandlers): () => void {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let openedAt = 0;
  let closed = false;
  let lastEventId = '';

  const stop = () => {
    source?.close();
    source = undefined;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const fail = (message: string | undefined) => {
    stop();
    if (closed) return;
    if (openedAt > 0 && Date.now() - openedAt > STABLE_MS) attempt = 0;
    openedAt = 0;
    const retryInMs = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
    attempt += 1;
    handlers.onState({ status: 'reconnecting', retryInMs, ...(message ? { message } : {}) });
    timer = setTimeout(connect, retryInMs);
  };

  function connect() {
    timer = undefined;
    handlers.onState({ status: attempt === 0 ? 'connecting' : 'reconnecting' });
    const current = new EventSource(lastEventId ? resumeUrl(url, lastEventId) : url);
    source = current;
    current.onopen = () => {
      openedAt = Date.now();
      handlers.onState({ status: 'live' });
    };
    current.onmessage = (message: MessageEvent<string>) => {
      const event = parseWatchEvent(message.data);
      if (!event) return;
      if (message.lastEventId) lastEventId = message.lastEventId;
      attempt = 0;
      if (event.kind === 'reset') {
        stop();
        handlers.onState({ status: 'resyncing' });
      }
      handlers.onEvent(event);
    };
    current.addEventListener('error', (event) => {
      if (source === current) fail(errorMessage(event));
    });
  }

  connect();
  return () => {
    closed = true;
    stop();
  };
}
