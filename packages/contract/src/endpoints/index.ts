import * as access from './access.ts';
import * as addons from './addons.ts';
import * as audit from './audit.ts';
import * as clusters from './clusters.ts';
import * as compute from './compute.ts';
import * as dashboard from './dashboard.ts';
import * as insights from './insights.ts';
import * as metrics from './metrics.ts';
import * as objects from './objects.ts';
import * as operations from './operations.ts';
import * as posture from './posture.ts';
import * as search from './search.ts';
import * as session from './session.ts';
import * as workloadActions from './workloadActions.ts';
import * as workloads from './workloads.ts';

export * from '../endpoint.ts';

/**
 * Every endpoint of the BFF, declared once: the BFF registers its handlers from these, the web calls
 * them, and the README route table and /api/openapi.json are generated from them. In table order.
 */
export const endpoints = {
  ...session,
  ...clusters,
  ...compute,
  ...workloads,
  ...objects,
  ...metrics,
  ...workloadActions,
  ...access,
  ...audit,
  ...dashboard,
  ...posture,
  ...addons,
  ...insights,
  ...search,
  ...operations,
};
export type EndpointName = keyof typeof endpoints;
