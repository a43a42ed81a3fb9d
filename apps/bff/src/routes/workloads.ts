import type { Request, Response } from 'express';
import { z } from 'zod';
import { ClusterRef, LogQuery, PodQuery, WatchQuery } from '@wheelhouse/contract';
import type { RouteDef } from '../http/routing.ts';
import { parseInput } from '../http/validate.ts';
import { sessionCookieOf } from '../auth/access.ts';
import type { WatchStreams } from '../services/watchStreams.ts';
import type { WorkloadsService } from '../services/workloads.ts';

const K8S = '/api/clusters/:accountId/:region/:name/k8s';
// Kubernetes names: DNS-1123 labels for namespaces, subdomains for pods.
const Namespace = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'is not a Kubernetes namespace name');
const PodName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'is not a Kubernetes pod name');
// EKS node group names: letters, digits, - and _, up to 63.
const NodegroupParam = z.object({
  nodegroup: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/, 'is not a node group name'),
});
const NamespaceQuery = z.object({ namespace: Namespace.optional() });
const HEARTBEAT_MS = 15_000;
const MAX_UNSENT_BYTES = 1024 * 1024;

const clusterOf = (req: Request) => {
  const { accountId, region, name } = req.params as Record<string, string>;
  return parseInput(ClusterRef, { accountId, region, name });
};

export function workloadRoutes(deps: {
  workloads: WorkloadsService;
  watchStreams: WatchStreams;
  /** Registers an open event stream, so that a shutdown can close it with a retry hint. */
  trackStream?: (res: Response) => void;
}): RouteDef[] {
  const { workloads, watchStreams } = deps;
  return [
    {
      method: 'get',
      path: `${K8S}/nodegroups/:nodegroup/disruption`,
      access: 'read',
      handler: async (req, res) => {
        const { nodegroup } = parseInput(NodegroupParam, req.params);
        res.json(await workloads.nodegroupDisruption(clusterOf(req), nodegroup));
      },
    },
    {
      method: 'get',
      path: `${K8S}/namespaces`,
      access: 'read',
      handler: async (req, res) => {
        res.json(await workloads.namespaces(clusterOf(req)));
      },
    },
    {
      method: 'get',
      path: `${K8S}/pods`,
      access: 'read',
      handler: async (req, res) => {
        res.json(await workloads.pods(clusterOf(req), parseInput(PodQuery, req.query)));
      },
    },
    {
      method: 'get',
      path: `${K8S}/pods/:namespace/:pod`,
      access: 'read',
      handler: async (req, res) => {
        const { namespace, pod } = parseInput(
          z.object({ namespace: Namespace, pod: PodName }),
          req.params,
        );
        res.json(await workloads.pod(clusterOf(req), namespace, pod));
      },
    },
    {
      method: 'get',
      path: `${K8S}/pods/:namespace/:pod/log`,
      access: 'read',
      handler: async (req, res) => {
        const { namespace, pod } = parseInput(
          z.object({ namespace: Namespace, pod: PodName }),
          req.params,
        );
        const query = parseInput(LogQuery, req.query);
        const abort = new AbortController();
        res.on('close', () => abort.abort());
        res.type('text/plain; charset=utf-8');
        // Followed logs go out as they come: no buffering proxies, no compression.
        if (query.follow) res.setHeader('X-Accel-Buffering', 'no');
        await workloads.logs(clusterOf(req), namespace, pod, query, res, abort.signal);
      },
    },
    {
      method: 'get',
      path: `${K8S}/workloads`,
      access: 'read',
      handler: async (req, res) => {
        res.json(
          await workloads.workloads(
            clusterOf(req),
            parseInput(NamespaceQuery, req.query).namespace,
          ),
        );
      },
    },
    {
      method: 'get',
      path: `${K8S}/services`,
      access: 'read',
      handler: async (req, res) => {
        res.json(
          await workloads.services(clusterOf(req), parseInput(NamespaceQuery, req.query).namespace),
        );
      },
    },
    {
      method: 'get',
      path: `${K8S}/nodes`,
      access: 'read',
      handler: async (req, res) => {
        res.json(await workloads.nodes(clusterOf(req)));
      },
    },
    {
      method: 'get',
      path: `${K8S}/autoscaling`,
      access: 'read',
      handler: async (req, res) => {
        res.json(await workloads.autoscaling(clusterOf(req)));
      },
    },
    {
      method: 'get',
      path: `${K8S}/watch`,
      access: 'read',
      // Server-sent events: each Kubernetes watch event becomes one `data:` line for the browser.
      // Streams share one upstream watch per cluster, kind and namespace (services/watchStreams.ts).
      handler: (req, res) => {
        const ref = clusterOf(req);
        const query = parseInput(WatchQuery, req.query);
        // 429 (per-session cap) is thrown here, before the 200 is written.
        const stream = watchStreams.open(ref, query, sessionCookieOf(req) ?? '');
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
      },
    },
  ];
}
