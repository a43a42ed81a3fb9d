import { createHash } from 'node:crypto';
import type { ClusterRef, WatchEvent, WatchQuery } from '@wheelhouse/contract';
import { TooManyRequestsError } from '../errors.ts';
import { createWatchHub } from './kube/watchHub.ts';
import type { KubeIdentity } from '../upstream/kubeClient.ts';
import type { WatchSpec, WorkloadsService } from './workloads.ts';

/** Distinct upstream watches per cluster (kinds times namespaces) before a new one is refused. */
const WATCHES_PER_CLUSTER = 64;
const RESET = JSON.stringify({ kind: 'reset' } satisfies WatchEvent);

/** Where a browser stream writes: serialized WatchEvents, and the failure that ends it. */
export interface WatchStreamSink {
  /** `id` is the change's resourceVersion, where a reconnecting stream resumes (SSE `id:`). */
  data(json: string, id?: string): void;
  fail(message: string): void;
}

/** An admitted browser stream: `follow` joins the shared watch, `close` leaves it and frees the slot. */
export interface WatchStream {
  follow(sink: WatchStreamSink): void;
  close(): void;
}

/**
 * The console's watch streams: every browser stream on the same cluster, kind and namespace shares
 * one upstream watch (each change is mapped and serialized once, then written to all), and each
 * session may hold at most `perSession` streams, so no reader can pin a cluster's connections.
 */
export function createWatchStreams(workloads: WorkloadsService, options: { perSession: number }) {
  const hub = createWatchHub<
    { ref: ClusterRef; spec: WatchSpec; as: KubeIdentity | undefined },
    string
  >(
    {
      run: ({ ref, spec, as }, resourceVersion, onChange, signal) =>
        workloads
          .as(as)
          .runWatch(
            ref,
            spec,
            resourceVersion,
            (version, event) => onChange(version, event && JSON.stringify(event)),
            signal,
          ),
      currentVersion: ({ ref, spec, as }) => workloads.as(as).currentVersion(ref, spec),
    },
    { maxWatchesPerGroup: WATCHES_PER_CLUSTER },
  );
  const openBySession = new Map<string, number>();

  return {
    /**
     * Admits a stream for the session (by its cookie value, kept only as a hash) or throws 429
     * before anything is written; the caller calls `follow` right away (no await between, so the
     * admission holds) and `close` when the browser goes.
     */
    open(ref: ClusterRef, query: WatchQuery, sessionId: string, as?: KubeIdentity): WatchStream {
      const spec: WatchSpec =
        query.kind === 'pods' && query.namespace
          ? { kind: 'pods', namespace: query.namespace }
          : { kind: query.kind };
      const cluster = `${ref.accountId}|${ref.region}|${ref.name}`;
      // Shared per identity (user and groups): the upstream watch runs as that person, so the
      // cluster's RBAC decides what each stream may see; sessions of one user still share one.
      const identity = as
        ? createHash('sha256')
            .update(JSON.stringify([as.user, [...as.groups].sort()]))
            .digest('base64url')
        : 'console';
      const key = `${cluster}|${spec.kind}|${spec.namespace ?? ''}|${identity}`;
      hub.admit({ key, group: cluster });
      const owner = createHash('sha256').update(sessionId).digest('base64url');
      const open = openBySession.get(owner) ?? 0;
      if (open >= options.perSession) {
        throw new TooManyRequestsError(
          `This session already has ${options.perSession} open watch streams (WHEELHOUSE_WATCH_STREAMS_PER_SESSION); close another tab or view that follows pods or nodes and try again.`,
        );
      }
      openBySession.set(owner, open + 1);
      let leave: (() => void) | undefined;
      let closed = false;
      return {
        follow(sink) {
          if (closed) return;
          leave = hub.subscribe(
            {
              key,
              group: cluster,
              spec: { ref, spec, as },
              ...(query.resourceVersion ? { resourceVersion: query.resourceVersion } : {}),
            },
            {
              event: (json, version) => sink.data(json, version),
              reset: () => sink.data(RESET),
              fail: (error) =>
                sink.fail(error instanceof Error ? error.message : 'The watch failed.'),
            },
          );
        },
        close() {
          if (closed) return;
          closed = true;
          leave?.();
          const left = (openBySession.get(owner) ?? 1) - 1;
          if (left > 0) openBySession.set(owner, left);
          else openBySession.delete(owner);
        },
      };
    },
    /** Open upstream watches and the browser streams they serve (for tests and benchmarks). */
    stats: () => hub.stats(),
    close: () => hub.close(),
  };
}
export type WatchStreams = ReturnType<typeof createWatchStreams>;
