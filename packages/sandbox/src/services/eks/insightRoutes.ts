import { findEksCluster } from '../../world/eks/clusters.ts';
import { eksErrors } from '../../world/eks/eksErrors.ts';
import { clusterInsights, type InsightRecord } from '../../world/eks/insights.ts';
import { paginate } from '../../world/pagination.ts';
import { defined } from './eksInput.ts';
import type { EksRoute } from './eksRoute.ts';
import { epochSeconds } from './wireShapes.ts';

/** EKS cluster insights: upgrade readiness checks derived from the simulated cluster. */

function summaryToWire(insight: InsightRecord): Record<string, unknown> {
  return {
    id: insight.id,
    name: insight.name,
    category: insight.category,
    kubernetesVersion: insight.kubernetesVersion,
    lastRefreshTime: epochSeconds(insight.lastRefreshTime),
    lastTransitionTime: epochSeconds(insight.lastTransitionTime),
    description: insight.description,
    insightStatus: insight.insightStatus,
  };
}

function insightToWire(insight: InsightRecord): Record<string, unknown> {
  return {
    ...summaryToWire(insight),
    recommendation: insight.recommendation,
    additionalInfo: insight.additionalInfo,
    resources: insight.resources,
    categorySpecificSummary: {
      deprecationDetails: insight.categorySpecificSummary.deprecationDetails.map((detail) => ({
        ...detail,
        clientStats: detail.clientStats.map((stat) => ({
          ...stat,
          lastRequestTime: epochSeconds(stat.lastRequestTime),
        })),
      })),
      addonCompatibilityDetails: insight.categorySpecificSummary.addonCompatibilityDetails,
    },
  };
}

export const insightRoutes: EksRoute[] = [
  {
    method: 'POST',
    path: '/clusters/{name}/insights',
    operation: 'ListInsights',
    async run({ world, state, path, body }) {
      const filter = body.optionalObject('filter');
      const categories = filter?.optionalStringList('categories');
      const versions = filter?.optionalStringList('kubernetesVersions');
      const statuses = filter?.optionalStringList('statuses');
      const insights = clusterInsights(findEksCluster(state, path.name!), world.now()).filter(
        (insight) =>
          (!categories?.length || categories.includes(insight.category)) &&
          (!versions?.length || versions.includes(insight.kubernetesVersion)) &&
          (!statuses?.length || statuses.includes(insight.insightStatus.status)),
      );
      const page = paginate(insights, (insight) => insight.id, {
        ...defined({
          maxResults: body.optionalInteger('maxResults'),
          nextToken: body.optionalString('nextToken'),
        }),
      });
      return { insights: page.items.map(summaryToWire), ...defined({ nextToken: page.nextToken }) };
    },
  },
  {
    method: 'GET',
    path: '/clusters/{name}/insights/{id}',
    operation: 'DescribeInsight',
    async run({ world, state, path }) {
      const insight = clusterInsights(findEksCluster(state, path.name!), world.now()).find(
        (candidate) => candidate.id === path.id,
      );
      if (!insight) throw eksErrors.resourceNotFound(`No insight found for id: ${path.id}`);
      return { insight: insightToWire(insight) };
    },
  },
];
