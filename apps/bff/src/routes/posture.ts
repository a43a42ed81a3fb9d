import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { PostureService } from '../services/posture/postureService.ts';

export function postureRoutes(deps: { posture: PostureService }): RouteDef[] {
  return [
    serve(e.fleetPosture, () => deps.posture.fleet()),
    serve(e.clusterPosture, ({ params }) => deps.posture.cluster(params)),
  ];
}
