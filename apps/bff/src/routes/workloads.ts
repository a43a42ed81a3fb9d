import type { Request, Response } from 'express';
import type { WatchQuery } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { sessionCookieOf, sessionOf } from '../auth/access.ts';
import { kubeIdentityOf } from '../auth/kubeIdentity.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { WatchStreams } from '../services/watchStreams.ts';
import type { WorkloadsService } from '../services/workloads.ts';

const HEARTBEAT_MS = 15_000;
const MAX_UNSENT_BYTES = 1024 * 1024;
// What a resourceVersion may look like in a Last-Event-ID header (the query's own bound, no spaces).
const EVENT_ID = /^[0-9A-Za-z._-]{1,64}$/;

/**
 * Where a stream starts: the id of the last event the browser received (EventSource sends it as
 * Last-Event-ID when it reconnects, to whichever replica), else the version of the list it holds.
 */
function resumeQuery(req: Request, query: WatchQuery): WatchQuery {
  const last = req.get('last-event-id');
  return last && EVENT_ID.test(last) ? { ...query, resourceVersion: last } : query;
}

// Every Kubernetes read acts for the signed-in user (impersonated), so the cluster's RBAC decides.
const readsOf = (workloads: WorkloadsService, res: Response) =>
  workloads.as(kubeIdentityOf(sessionOf(res)));

export function workloadRoutes(deps: {
  workloads: WorkloadsService;
  watchStreams: WatchStreams;
  /** Registers an open event stream, so that a shutdown can close it with a retry hint. */
  trackStream?: (res: Response) => void;
}): RouteDef[] {
  const { workloads, watchStreams } = deps;
  return [
    serve(e.nodegroupDisruption, ({ params: { nodegroup, ...ref }, res }) =>
      readsOf(workloads, res).nodegroupDisruption(ref, nodegroup),
    ),
    serve(e.accessReview, ({ params, query, res }) =>
      readsOf(workloads, res).accessReview(params, query),
    ),
    serve(e.listNamespaces, ({ params, res }) => readsOf(workloads, res).namespaces(params)),
    serve(e.listPods, ({ params, query, res }) => readsOf(workloads, res).pods(params, query)),
    serve(e.getPod, ({ params: { namespace, pod, ...ref }, res }) =>
      readsOf(workloads, res).pod(ref, namespace, pod),
    ),
    serve(e.podLog, async ({ params: { namespace, pod, ...ref }, query, res }) => {
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      res.type('text/plain; charset=utf-8');
      // Followed logs go out as they come: no buffering proxies, no compression.
      if (query.follow) res.setHeader('X-Accel-Buffering', 'no');
      await readsOf(workloads, res).logs(ref, namespace, pod, query, res, abort.signal);
    }),
    serve(e.listWorkloads, ({ params, query, res }) =>
      readsOf(workloads, res).workloads(params, query.namespace),
    ),
    serve(e.listServices, ({ params, query, res }) =>
      readsOf(workloads, res).services(params, query.namespace),
    ),
    serve(e.listNodes, ({ params, res }) => readsOf(workloads, res).nodes(params)),
    serve(e.autoscaling, ({ params, res }) => readsOf(workloads, res).autoscaling(params)),
    // Server-sent events: each Kubernetes watch event becomes one `data:` line for the browser.
    // Streams share one upstream watch per cluster, kind, namespace and identity (services/watchStreams.ts).
    serve(e.watch, ({ params, query, req, res }) => {
      // 429 (per-session cap) is thrown here, before the 200 is written.
      const stream = watchStreams.open(
        params,
        resumeQuery(req, query),
        sessionCookieOf(req) ?? '',
        kubeIdentityOf(sessionOf(res)),
      );
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      deps.trackStream?.(res);
      res.write(': watching\n\n');
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        stream.close();
        if (!res.writableEnded) res.end();
      };
      res.on('close', end);
      stream.follow({
        data: (json, id) => {
          // A browser that stops reading must not make the BFF hold every change for it: past
          // this much unsent, drop the connection (EventSource reconnects and catches up or resets).
          if (res.writableLength > MAX_UNSENT_BYTES) {
            end();
            res.destroy();
            return;
          }
          // The id is the change's resourceVersion: a stream that reconnects resumes right after it.
          res.write(id ? `id: ${id}\ndata: ${json}\n\n` : `data: ${json}\n\n`);
        },
        fail: (message) => {
          res.write(`event: error\ndata: ${JSON.stringify({ message })}\n\n`);
          end();
        },
      });
    }),
  ];
}
