import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { sessionCookieOf } from '../auth/access.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { WatchStreams } from '../services/watchStreams.ts';
import type { WorkloadsService } from '../services/workloads.ts';

const HEARTBEAT_MS = 15_000;
const MAX_UNSENT_BYTES = 1024 * 1024;

export function workloadRoutes(deps: {
  workloads: WorkloadsService;
  watchStreams: WatchStreams;
}): RouteDef[] {
  const { workloads, watchStreams } = deps;
  return [
    serve(e.nodegroupDisruption, ({ params: { nodegroup, ...ref } }) =>
      workloads.nodegroupDisruption(ref, nodegroup),
    ),
    serve(e.listNamespaces, ({ params }) => workloads.namespaces(params)),
    serve(e.listPods, ({ params, query }) => workloads.pods(params, query)),
    serve(e.getPod, ({ params: { namespace, pod, ...ref } }) => workloads.pod(ref, namespace, pod)),
    serve(e.podLog, async ({ params: { namespace, pod, ...ref }, query, res }) => {
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      res.type('text/plain; charset=utf-8');
      // Followed logs go out as they come: no buffering proxies, no compression.
      if (query.follow) res.setHeader('X-Accel-Buffering', 'no');
      await workloads.logs(ref, namespace, pod, query, res, abort.signal);
    }),
    serve(e.listWorkloads, ({ params, query }) => workloads.workloads(params, query.namespace)),
    serve(e.listServices, ({ params, query }) => workloads.services(params, query.namespace)),
    serve(e.listNodes, ({ params }) => workloads.nodes(params)),
    serve(e.autoscaling, ({ params }) => workloads.autoscaling(params)),
    // Server-sent events: each Kubernetes watch event becomes one `data:` line for the browser.
    // Streams share one upstream watch per cluster, kind and namespace (services/watchStreams.ts).
    serve(e.watch, ({ params, query, req, res }) => {
      // 429 (per-session cap) is thrown here, before the 200 is written.
      const stream = watchStreams.open(params, query, sessionCookieOf(req) ?? '');
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': watching\n\n');
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        stream.close();
        if (!res.writableEnded) res.end();
      };
      res.on('close', end);
      stream.follow({
        data: (json) => {
          // A browser that stops reading must not make the BFF hold every change for it: past
          // this much unsent, drop the connection (EventSource reconnects and catches up or resets).
          if (res.writableLength > MAX_UNSENT_BYTES) {
            end();
            res.destroy();
            return;
          }
          res.write(`data: ${json}\n\n`);
        },
        fail: (message) => {
          res.write(`event: error\ndata: ${JSON.stringify({ message })}\n\n`);
          end();
        },
      });
    }),
  ];
}
