import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { forbidden, type KubeUser } from '../auth/authorizer.ts';
import { allows, impersonate } from '../auth/impersonation.ts';
import { serveSelfSubjectAccessReview, serveSelfSubjectRulesReview } from './accessReviews.ts';
import { apiVersionOf, findResourceType, METRICS_GROUP } from '../objects/resourceTypes.ts';
import { metricsOf } from './resourceMetrics.ts';
import type { KubeObject, Pod } from '../objects/types.ts';
import type { KubeCluster } from '../sim/kubeCluster.ts';
import {
  apiGroup,
  coreVersions,
  groupList,
  resourceList,
  versionDocument,
  type ServerVersion,
} from './discovery.ts';
import { flag, sendError, sendJson, type KubeExchange } from './httpExchange.ts';
import { listPage } from './listing.ts';
import { servePodLog } from './podLogs.ts';
import { parseResourcePath, verbOf, type ResourceRequest } from './resourcePath.ts';
import { KubeStatusError, kubeErrors } from './status.ts';
import { metadataOf, parseIncludeObject, tableOf, wantsMetadata, wantsTable } from './tables.ts';
import { servesIn } from './servedTypes.ts';
import { serveWatch } from './watch.ts';
import { serveWrite } from './writes.ts';
import { serveOpenApi } from '../openapi/serveOpenApi.ts';
import { refuseUpgrade, serveExec } from '../exec/podExec.ts';
import { serveEviction } from './podEviction.ts';

/** What one cluster's API server needs: its objects, its version, and who may call it. */
export interface KubeApiOptions {
  /** The cluster's Kubernetes, created on the first request (a described but unused cluster costs little). */
  kube: () => KubeCluster;
  /** Read per request: an upgraded cluster reports its new version. */
  version: () => ServerVersion;
  /** The address /api advertises (serverAddressByClientCIDRs). */
  serverAddress: string;
  /** Maps a bearer token to a user; undefined answers 401. */
  authenticate(token: string | undefined): Promise<KubeUser | undefined>;
}

const UNAUTHENTICATED = new Set(['/version', '/healthz', '/livez', '/readyz']);

/** POST selfsubjectreviews (`kubectl auth whoami`): the user and groups as the authenticator mapped them. */
function serveSelfSubjectReview(exchange: KubeExchange, user: KubeUser): void {
  if (exchange.method !== 'POST') throw kubeErrors.methodNotAllowed(exchange.method);
  exchange.req.resume();
  const groups = user.groups.includes('system:authenticated')
    ? user.groups
    : [...user.groups, 'system:authenticated'];
  sendJson(exchange, 201, {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { creationTimestamp: null },
    status: { userInfo: { username: user.username, groups } },
  });
}

/**
 * The Kubernetes API of one cluster as an HTTP handler: discovery, reads
 * (JSON or meta.k8s.io Table), watches, pod logs and writes, behind bearer
 * token authentication and EKS-style authorization.
 */
export function createKubeApi(options: KubeApiOptions) {
  const stops = new Set<() => void>();
  const now = () => options.kube().context.now().getTime();

  async function handleResource(
    exchange: KubeExchange,
    user: KubeUser,
    group: string,
    version: string,
    rest: string[],
  ) {
    const kube = options.kube();
    const request = parseResourcePath(group, version, rest);
    // A CRD-backed type the cluster has no definition of: its paths do not exist here.
    if (!servesIn(kube.store)(request.type)) throw kubeErrors.pathNotFound();
    // Every authenticated user may ask who it is (system:basic-user), so before authorization.
    if (request.type.plural === 'selfsubjectreviews') return serveSelfSubjectReview(exchange, user);
    if (request.type.plural === 'selfsubjectaccessreviews')
      return serveSelfSubjectAccessReview(exchange, kube.store, user);
    if (request.type.plural === 'selfsubjectrulesreviews')
      return serveSelfSubjectRulesReview(exchange, kube.store, user);
    const watch = flag(exchange.query, 'watch');
    const verb = verbOf(exchange.method, request, watch);
    const namespace =
      request.type.plural === 'namespaces' && request.name ? request.name : request.namespace;
    const attributes = {
      verb,
      group: request.type.group,
      resource: request.type.plural,
      ...(request.subresource ? { subresource: request.subresource } : {}),
      ...(namespace !== undefined ? { namespace } : {}),
      ...(request.name !== undefined ? { name: request.name } : {}),
    };
    if (!allows(kube.store, user, attributes)) throw forbidden(user, attributes);
    if (request.subresource === 'eviction') return serveEviction(kube, exchange, request);
    if (request.subresource === 'exec') throw kubeErrors.badRequest('Upgrade request required');
    if (request.type.group === METRICS_GROUP) return serveMetrics(exchange, request, watch);
    if (exchange.method !== 'GET' && exchange.method !== 'HEAD')
      return serveWrite(kube, exchange, request, verb);
    if (request.subresource === 'scale') return serveWrite(kube, exchange, request, verb);
    if (request.subresource === 'log') {
      const pod = kube.store.get<Pod>('pods', request.namespace, request.name!);
      if (!pod) throw kubeErrors.notFound('pods', request.name!);
      return servePodLog(kube.context.logs, pod, exchange, () => kube.context.now());
    }
    return serveRead(exchange, request, watch);
  }

  /** metrics.k8s.io: the usage of the nodes or pods the request names, as metrics-server answers. */
  function serveMetrics(exchange: KubeExchange, request: ResourceRequest, watch: boolean) {
    if ((exchange.method !== 'GET' && exchange.method !== 'HEAD') || watch)
      throw kubeErrors.methodNotAllowed(watch ? 'WATCH' : exchange.method);
    const kube = options.kube();
    const { type } = request;
    const source = findResourceType('', 'v1', type.plural)!;
    if (request.name !== undefined) {
      const object = kube.store.get<KubeObject>(source.plural, request.namespace, request.name);
      const metrics = object && metricsOf(kube, type.plural, object);
      if (!metrics) throw kubeErrors.notFound(type.singular, request.name, type.group);
      return sendJson(exchange, 200, metrics);
    }
    const page = listPage(kube.store, { ...request, type: source }, exchange.query);
    sendJson(exchange, 200, {
      kind: `${type.kind}List`,
      apiVersion: apiVersionOf(type),
      metadata: {},
      items: page.items.flatMap((object) => metricsOf(kube, type.plural, object) ?? []),
    });
  }

  function serveRead(exchange: KubeExchange, request: ResourceRequest, watch: boolean) {
    const kube = options.kube();
    const table = wantsTable(exchange.req.headers.accept);
    const metadataOnly = !table && wantsMetadata(exchange.req.headers.accept);
    const include = parseIncludeObject(exchange.query.get('includeObject') ?? undefined);
    const { type } = request;
    if (request.name !== undefined) {
      const object = kube.store.get<KubeObject>(type.plural, request.namespace, request.name);
      if (!object) throw kubeErrors.notFound(type.plural, request.name, type.group);
      if (table) {
        return sendJson(
          exchange,
          200,
          tableOf(type.kind, [object], {
            now: now(),
            include,
            listMeta: { resourceVersion: object.metadata.resourceVersion },
          }),
        );
      }
      return sendJson(exchange, 200, metadataOnly ? metadataOf(object) : object);
    }
    if (watch) {
      return serveWatch(kube.store, exchange, request, {
        ...(table ? { table: { include, now } } : {}),
        onStop: (close) => {
          stops.add(close);
          return () => stops.delete(close);
        },
      });
    }
    const page = listPage(kube.store, request, exchange.query);
    if (table)
      return sendJson(
        exchange,
        200,
        tableOf(type.kind, page.items, { now: now(), include, listMeta: page.metadata }),
      );
    if (metadataOnly)
      return sendJson(exchange, 200, {
        kind: 'PartialObjectMetadataList',
        apiVersion: 'meta.k8s.io/v1',
        metadata: page.metadata,
        items: page.items.map(metadataOf),
      });
    sendJson(exchange, 200, {
      kind: `${type.kind}List`,
      apiVersion: apiVersionOf(type),
      metadata: page.metadata,
      items: page.items,
    });
  }

  async function route(exchange: KubeExchange): Promise<void> {
    const path = exchange.path.replace(/\/+$/, '') || '/';
    if (path === '/version') return sendJson(exchange, 200, versionDocument(options.version()));
    if (UNAUTHENTICATED.has(path)) {
      exchange.res.writeHead(200, { 'content-type': 'text/plain' });
      exchange.res.end('ok');
      return;
    }
    const header = exchange.req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    const caller = await options.authenticate(token);
    if (!caller) throw kubeErrors.unauthorized();
    const user = impersonate(exchange.req, options.kube().store, caller);
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (segments[0] === 'openapi') return serveOpenApi(exchange, segments.slice(1));
    if (segments[0] === 'api') {
      if (segments.length === 1)
        return sendJson(exchange, 200, coreVersions(options.serverAddress));
      if (segments[1] !== 'v1') throw kubeErrors.pathNotFound();
      if (segments.length === 2) return sendJson(exchange, 200, resourceList('', 'v1'));
      return handleResource(exchange, user, '', 'v1', segments.slice(2));
    }
    if (segments[0] === 'apis') {
      const serves = servesIn(options.kube().store);
      if (segments.length === 1) return sendJson(exchange, 200, groupList(serves));
      const group = segments[1]!;
      if (segments.length === 2) {
        const document = apiGroup(group, serves);
        if (!document) throw kubeErrors.pathNotFound();
        return sendJson(exchange, 200, document);
      }
      const version = segments[2]!;
      if (segments.length === 3) {
        const list = resourceList(group, version, serves);
        if (!list) throw kubeErrors.pathNotFound();
        return sendJson(exchange, 200, list);
      }
      return handleResource(exchange, user, group, version, segments.slice(3));
    }
    throw kubeErrors.pathNotFound();
  }

  return {
    handle(req: IncomingMessage, res: ServerResponse): void {
      const url = new URL(req.url ?? '/', 'https://kubernetes');
      const exchange: KubeExchange = {
        req,
        res,
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
      };
      route(exchange).catch((error: unknown) => {
        if (error instanceof KubeStatusError) return sendError(exchange, error);
        console.error('[sandbox] Kubernetes API request failed', error);
        sendError(
          exchange,
          new KubeStatusError(
            500,
            'InternalError',
            'an error on the server has prevented the request from succeeding',
          ),
        );
      });
    },
    /**
     * An upgrade request: only pods/<name>/exec upgrades (to the exec WebSocket), after the same
     * authentication as every request and authorization as `create` on pods/exec.
     */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      const url = new URL(req.url ?? '/', 'https://kubernetes');
      const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const attempt = async () => {
        const header = req.headers.authorization;
        const token = header?.startsWith('Bearer ')
          ? header.slice('Bearer '.length).trim()
          : undefined;
        const caller = await options.authenticate(token);
        if (!caller) throw kubeErrors.unauthorized();
        const user = impersonate(req, options.kube().store, caller);
        const [api, version, namespaces, namespace, pods, name, sub, ...extra] = segments;
        if (
          api !== 'api' ||
          version !== 'v1' ||
          namespaces !== 'namespaces' ||
          pods !== 'pods' ||
          sub !== 'exec' ||
          !namespace ||
          !name ||
          extra.length > 0
        )
          throw kubeErrors.pathNotFound();
        const attributes = {
          verb: 'create',
          group: '',
          resource: 'pods',
          subresource: 'exec',
          namespace,
          name,
        };
        if (!allows(options.kube().store, user, attributes)) throw forbidden(user, attributes);
        serveExec(options.kube(), req, socket, head, { namespace, name, query: url.searchParams });
      };
      attempt().catch((error: unknown) => {
        refuseUpgrade(
          socket,
          error instanceof KubeStatusError
            ? error
            : new KubeStatusError(500, 'InternalError', 'the exec request failed'),
        );
      });
    },
    /** Watch streams open now (the console under test should hold one per kind and namespace). */
    openWatches(): number {
      return stops.size;
    },
    /** Ends open watches (the server is stopping). */
    stop(): void {
      for (const close of [...stops]) close();
    },
  };
}
