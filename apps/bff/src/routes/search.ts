import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { sessionOf } from '../auth/access.ts';
import { kubeIdentityOf } from '../auth/kubeIdentity.ts';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { FleetSearch } from '../services/search/fleetSearch.ts';

export function searchRoutes(deps: { search: FleetSearch }): RouteDef[] {
  return [
    // As the signed-in user: each cluster's RBAC decides what of it the search may show.
    serve(e.fleetSearch, ({ query, res }) =>
      deps.search.search(query, kubeIdentityOf(sessionOf(res))),
    ),
  ];
}
