import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { ConnectorService } from '../services/connector.ts';
import type { LifecycleService } from '../services/lifecycle.ts';

export function lifecycleRoutes(deps: {
  lifecycle: LifecycleService;
  connector: ConnectorService;
}): RouteDef[] {
  const { lifecycle, connector } = deps;
  return [
    serve(e.listVersions, ({ query }) => lifecycle.versionOptions(query.accountId, query.region)),
    serve(e.createCluster, ({ body, change }) => lifecycle.createCluster(body, change())),
    serve(e.upgradePlan, ({ params }) => lifecycle.upgradePlan(params)),
    serve(e.clusterUpdates, ({ params }) => lifecycle.clusterUpdates(params)),
    serve(e.updateClusterVersion, ({ params, body, change }) =>
      lifecycle.updateVersion(params, body, change()),
    ),
    serve(e.updateLogging, ({ params, body, change }) =>
      lifecycle.updateLogging(params, body, change()),
    ),
    serve(e.updateEndpointAccess, ({ params, body, change }) =>
      lifecycle.updateEndpointAccess(params, body, change()),
    ),
    serve(e.updateClusterTags, ({ params, body, change }) =>
      lifecycle.updateTags(params, body, change()),
    ),
    serve(e.deleteCluster, ({ params, body, change }) =>
      lifecycle.deleteCluster(params, body, change()),
    ),
    serve(e.registerCluster, ({ body, change }) => connector.registerCluster(body, change())),
    serve(e.deregisterCluster, ({ params, body, change }) =>
      connector.deregisterCluster(params, body, change()),
    ),
  ];
}
