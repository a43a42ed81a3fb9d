import { plan, type PlanBuilder } from './clusterPlan.ts';

/** The development demo clusters' apps: smaller, some on Fargate, one preview that cannot pull its image. */
export const DEV_PLANS: Record<string, PlanBuilder> = {
  'dev-sandbox': (registry) =>
    plan({
      namespaces: ['dev'],
      deployments: [
        {
          namespace: 'dev',
          name: 'sandbox-api',
          image: `${registry}/dev/sandbox-api:latest`,
          replicas: 2,
          cpu: '250m',
          memory: '256Mi',
          port: 8080,
          service: { port: 80, targetPort: 8080 },
        },
        {
          namespace: 'default',
          name: 'hello',
          image: 'public.ecr.aws/nginx/nginx:1.27',
          cpu: '50m',
          memory: '64Mi',
          port: 80,
          service: { port: 80 },
        },
      ],
    }),
  'feature-previews': (registry) =>
    plan({
      namespaces: ['previews', 'web'],
      deployments: [
        {
          namespace: 'previews',
          name: 'preview-pr-1421',
          image: `${registry}/web/storefront:pr-1421`,
          cpu: '250m',
          memory: '256Mi',
          labels: { preview: 'true' },
        },
        {
          namespace: 'previews',
          name: 'preview-pr-1433',
          image: `${registry}/web/storefront:pr-1433-rc2`,
          cpu: '250m',
          memory: '256Mi',
          labels: { preview: 'true' },
        },
        {
          namespace: 'web',
          name: 'web-app',
          image: `${registry}/web/web-app:2.0.0`,
          replicas: 2,
          cpu: '200m',
          memory: '256Mi',
          port: 8080,
          service: { port: 80, targetPort: 8080 },
          hpa: { min: 2, max: 5, cpu: 70 },
        },
      ],
    }),
  'qa-integration': (registry) =>
    plan({
      namespaces: ['qa'],
      deployments: [
        {
          namespace: 'qa',
          name: 'qa-api',
          image: `${registry}/qa/qa-api:1.0.9`,
          replicas: 2,
          cpu: '200m',
          memory: '256Mi',
          port: 8080,
          service: { port: 80, targetPort: 8080 },
        },
        {
          namespace: 'qa',
          name: 'mock-payments',
          image: `${registry}/qa/mock-payments:0.3.0`,
          cpu: '100m',
          memory: '128Mi',
          port: 8080,
          service: { port: 8080 },
        },
      ],
      cronJobs: [
        {
          namespace: 'qa',
          name: 'nightly-e2e',
          image: `${registry}/qa/e2e-runner:5.1.0`,
          schedule: '0 3 * * *',
          cpu: '500m',
          memory: '1Gi',
        },
      ],
    }),
  'dev-eu': (registry) =>
    plan({
      namespaces: ['platform'],
      deployments: [
        {
          namespace: 'default',
          name: 'hello-world',
          image: 'public.ecr.aws/nginx/nginx:1.27',
          cpu: '50m',
          memory: '64Mi',
          port: 80,
          service: { port: 80 },
        },
        {
          namespace: 'platform',
          name: 'config-service',
          image: `${registry}/platform/config-service:0.8.2`,
          replicas: 2,
          cpu: '100m',
          memory: '128Mi',
          port: 8080,
          service: { port: 8080 },
        },
      ],
    }),
  'perf-lab': (registry) =>
    plan({
      namespaces: ['load', 'targets'],
      deployments: [
        {
          namespace: 'load',
          name: 'k6-load-generator',
          image: 'grafana/k6:0.55.0',
          replicas: 4,
          cpu: '2',
          memory: '2Gi',
        },
        {
          namespace: 'targets',
          name: 'target-service',
          image: `${registry}/perf/target-service:1.0.0`,
          replicas: 6,
          cpu: '500m',
          memory: '512Mi',
          port: 8080,
          tolerations: [
            { key: 'lifecycle', operator: 'Equal', value: 'spot', effect: 'PreferNoSchedule' },
          ],
          service: { port: 80, targetPort: 8080 },
          hpa: { min: 4, max: 20, cpu: 60 },
        },
      ],
    }),
};
