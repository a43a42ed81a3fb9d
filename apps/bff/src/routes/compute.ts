import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { serve } from '../http/endpoint.ts';
import type { RouteDef } from '../http/routing.ts';
import type { ComputeService } from '../services/compute.ts';
import type { ComputeChanges } from '../services/computeChanges.ts';

export function computeRoutes(deps: {
  compute: ComputeService;
  changes: ComputeChanges;
}): RouteDef[] {
  const { compute, changes } = deps;
  return [
    serve(e.getCompute, ({ params }) => compute.getCompute(params)),
    serve(e.getNodegroup, ({ params: { nodegroup, ...ref } }) =>
      compute.getNodegroup(ref, nodegroup),
    ),
    serve(e.fargateMatch, ({ params, query }) =>
      compute.fargateMatch(params, { namespace: query.namespace, labels: query.label }),
    ),
    serve(e.createNodegroup, ({ params, body, change }) =>
      changes.createNodegroup(params, body, change()),
    ),
    serve(e.scaleNodegroup, ({ params: { nodegroup, ...ref }, body, change }) =>
      changes.scaleNodegroup(ref, nodegroup, body, change()),
    ),
    serve(e.updateLabelsTaints, ({ params: { nodegroup, ...ref }, body, change }) =>
      changes.updateLabelsTaints(ref, nodegroup, body, change()),
    ),
    serve(e.updateNodegroupVersion, ({ params: { nodegroup, ...ref }, body, change }) =>
      changes.updateNodegroupVersion(ref, nodegroup, body, change()),
    ),
    serve(e.deleteNodegroup, ({ params: { nodegroup, ...ref }, body, change }) =>
      changes.deleteNodegroup(ref, nodegroup, body, change()),
    ),
    serve(e.createFargateProfile, ({ params, body, change }) =>
      changes.createFargateProfile(params, body, change()),
    ),
    serve(e.deleteFargateProfile, ({ params: { profile, ...ref }, body, change }) =>
      changes.deleteFargateProfile(ref, profile, body, change()),
    ),
  ];
}
