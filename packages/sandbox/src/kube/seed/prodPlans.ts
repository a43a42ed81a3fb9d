import {
  CRITICAL_ADDONS,
  SPOT_OK,
  mergePlans,
  plan,
  type ClusterPlan,
  type PlanBuilder,
} from './clusterPlan.ts';

/**
 * The production demo clusters' apps: a handful per team namespace, with
 * services, HPAs, VPAs (checkout clusters), a StatefulSet, a Job and a CronJob, and the usual
 * trouble: a crash-looping pod, an image that does not exist, a pod too big
 * for any node, pods no node tolerates, and Fargate pods.
 */

const payments = (registry: string, size: 'large' | 'small'): ClusterPlan =>
  plan({
    namespaces: ['payments', 'web', 'batch'],
    deployments: [
      {
        namespace: 'payments',
        name: 'checkout-api',
        image: `${registry}/payments/checkout-api:4.18.2`,
        replicas: size === 'large' ? 4 : 3,
        cpu: '250m',
        memory: '512Mi',
        port: 8080,
        service: { port: 80, targetPort: 8080 },
        hpa: { min: 3, max: 12, cpu: 70 },
        pdb: { minAvailable: 2 },
      },
      {
        namespace: 'payments',
        name: 'payments-gateway',
        image: `${registry}/payments/payments-gateway:2.7.0`,
        replicas: size === 'large' ? 3 : 2,
        cpu: '200m',
        memory: '384Mi',
        port: 8443,
        service: { port: 443, targetPort: 8443 },
        pdb: { maxUnavailable: 1 },
        // Recommendations only: it asks for far more CPU than it uses.
        vpa: { updateMode: 'Off', cpuPercent: 35 },
      },
      {
        namespace: 'web',
        name: 'storefront',
        image: `${registry}/web/storefront:5.12.0`,
        replicas: size === 'large' ? 3 : 2,
        cpu: '150m',
        memory: '256Mi',
        port: 8080,
        tolerations: SPOT_OK,
        service: { type: 'LoadBalancer', port: 80, targetPort: 8080 },
        hpa: { min: 2, max: 10, cpu: 60 },
      },
    ],
    cronJobs: [
      {
        namespace: 'batch',
        name: 'settlement-report',
        image: `${registry}/batch/settlement-report:1.3.0`,
        schedule: '*/15 * * * *',
        cpu: '200m',
        memory: '256Mi',
      },
    ],
  });

export const PROD_PLANS: Record<string, PlanBuilder> = {
  'checkout-prod': (registry) =>
    mergePlans(
      payments(registry, 'large'),
      plan({
        deployments: [
          {
            namespace: 'payments',
            name: 'fraud-scorer',
            image: `${registry}/payments/fraud-scorer:v2.4.0-rc1`,
            replicas: 2,
            cpu: '300m',
            memory: '768Mi',
            port: 9000,
            service: { port: 9000 },
          },
          {
            namespace: 'payments',
            name: 'notifier',
            image: `${registry}/payments/notifier:0.9.4`,
            cpu: '50m',
            memory: '64Mi',
          },
          {
            namespace: 'web',
            name: 'image-resizer',
            image: `${registry}/web/image-resizer:3.0.7`,
            replicas: 2,
            cpu: '200m',
            memory: '256Mi',
            tolerations: SPOT_OK,
            // Busier than its requests; its policy caps CPU below what it would need.
            vpa: {
              updateMode: 'Auto',
              cpuPercent: 140,
              maxAllowed: { cpu: '250m', memory: '1Gi' },
            },
          },
          {
            namespace: 'batch',
            name: 'reporting-backfill',
            image: `${registry}/batch/reporting-backfill:0.4.1`,
            cpu: '6',
            memory: '12Gi',
          },
        ],
        statefulSets: [
          {
            namespace: 'payments',
            name: 'ledger-cache',
            image: 'public.ecr.aws/docker/library/redis:7.4-alpine',
            replicas: 3,
            cpu: '100m',
            memory: '256Mi',
            port: 6379,
            service: { port: 6379, headless: true },
          },
        ],
        jobs: [
          {
            namespace: 'batch',
            name: 'db-migrate-2611',
            image: `${registry}/payments/db-migrate:4.18.2`,
            cpu: '100m',
            memory: '128Mi',
          },
        ],
      }),
    ),
  'checkout-eu': (registry) => payments(registry, 'small'),
  'platform-tools': (registry) =>
    plan({
      namespaces: ['monitoring', 'ci', 'batch'],
      deployments: [
        {
          namespace: 'default',
          name: 'internal-portal',
          image: `${registry}/platform/internal-portal:2.2.0`,
          replicas: 2,
          cpu: '250m',
          memory: '512Mi',
          port: 3000,
          service: { port: 80, targetPort: 3000 },
        },
        {
          namespace: 'batch',
          name: 'data-sync',
          image: `${registry}/platform/data-sync:1.9.3`,
          replicas: 2,
          cpu: '500m',
          memory: '1Gi',
          labels: { tier: 'batch' },
        },
        {
          namespace: 'monitoring',
          name: 'grafana',
          image: 'grafana/grafana:11.3.1',
          cpu: '100m',
          memory: '256Mi',
          port: 3000,
          tolerations: CRITICAL_ADDONS,
          service: { port: 80, targetPort: 3000 },
        },
        {
          namespace: 'ci',
          name: 'build-runner',
          image: `${registry}/ci/build-runner:2.318.0`,
          replicas: 2,
          cpu: '1',
          memory: '2Gi',
        },
      ],
      statefulSets: [
        {
          namespace: 'monitoring',
          name: 'prometheus',
          image: 'quay.io/prometheus/prometheus:v3.0.1',
          cpu: '500m',
          memory: '2Gi',
          port: 9090,
          tolerations: CRITICAL_ADDONS,
          service: { port: 9090 },
        },
      ],
      cronJobs: [
        {
          namespace: 'batch',
          name: 'nightly-export',
          image: `${registry}/platform/nightly-export:1.1.0`,
          schedule: '0 2 * * *',
          labels: { tier: 'batch' },
        },
      ],
    }),
  'search-prod': (registry) =>
    plan({
      namespaces: ['search'],
      deployments: [
        {
          namespace: 'search',
          name: 'search-api',
          image: `${registry}/search/search-api:7.2.0`,
          replicas: 4,
          cpu: '500m',
          memory: '1Gi',
          port: 8080,
          service: { port: 80, targetPort: 8080 },
          hpa: { min: 4, max: 16, cpu: 65 },
        },
        {
          namespace: 'search',
          name: 'query-suggest',
          image: `${registry}/search/query-suggest:1.5.1`,
          replicas: 2,
          cpu: '250m',
          memory: '512Mi',
          port: 8080,
          service: { port: 8080 },
        },
        // On Karpenter's nodes (search-prod runs Karpenter): the general pool and the GPU pool.
        {
          namespace: 'search',
          name: 'search-frontend',
          image: `${registry}/search/search-frontend:3.4.0`,
          replicas: 6,
          cpu: '500m',
          memory: '1Gi',
          port: 8080,
          nodeSelector: { 'karpenter.sh/nodepool': 'default' },
          service: { port: 80, targetPort: 8080 },
        },
        {
          namespace: 'search',
          name: 'query-ranker',
          image: `${registry}/search/query-ranker:0.9.2`,
          replicas: 1,
          cpu: '2',
          memory: '8Gi',
          port: 8080,
          nodeSelector: { 'karpenter.sh/nodepool': 'gpu' },
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
        },
      ],
      statefulSets: [
        {
          namespace: 'search',
          name: 'indexer',
          image: `${registry}/search/indexer:7.2.0`,
          replicas: 3,
          cpu: '1',
          memory: '4Gi',
          nodeSelector: { workload: 'search' },
          service: { port: 9200, headless: true },
        },
      ],
      cronJobs: [
        {
          namespace: 'search',
          name: 'reindex-catalog',
          image: `${registry}/search/reindex:7.2.0`,
          schedule: '30 * * * *',
          cpu: '500m',
          memory: '1Gi',
        },
      ],
    }),
  'legacy-billing': (registry) =>
    plan({
      namespaces: ['billing'],
      deployments: [
        {
          namespace: 'billing',
          name: 'billing-api',
          image: `${registry}/billing/billing-api:1.22.7`,
          replicas: 2,
          cpu: '200m',
          memory: '512Mi',
          port: 8080,
          service: { port: 80, targetPort: 8080 },
        },
        {
          namespace: 'billing',
          name: 'invoice-worker',
          image: `${registry}/billing/invoice-worker:1.22.7`,
          replicas: 2,
          cpu: '150m',
          memory: '256Mi',
        },
        {
          namespace: 'billing',
          name: 'legacy-exporter',
          image: `${registry}/billing/legacy-exporter:1.4.2`,
          cpu: '50m',
          memory: '128Mi',
        },
      ],
      statefulSets: [
        {
          namespace: 'billing',
          name: 'postgres',
          image: 'public.ecr.aws/docker/library/postgres:16.4',
          cpu: '500m',
          memory: '1Gi',
          port: 5432,
          service: { port: 5432, headless: true },
        },
      ],
    }),
  'ml-training': (registry) =>
    plan({
      namespaces: ['notebooks', 'training'],
      deployments: [
        {
          namespace: 'notebooks',
          name: 'jupyter-hub',
          image: `${registry}/ml/jupyter-hub:4.1.6`,
          replicas: 2,
          cpu: '500m',
          memory: '1Gi',
          port: 8000,
          service: { port: 80, targetPort: 8000 },
        },
        {
          namespace: 'training',
          name: 'model-registry',
          image: `${registry}/ml/model-registry:0.14.0`,
          cpu: '250m',
          memory: '512Mi',
          port: 8080,
          service: { port: 8080 },
        },
      ],
      jobs: [
        {
          namespace: 'training',
          name: 'train-ranker-v12',
          image: `${registry}/ml/trainer:12.0.3`,
          cpu: '4',
          memory: '16Gi',
          tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
          nodeSelector: { accelerator: 'nvidia' },
        },
      ],
      cronJobs: [
        {
          namespace: 'training',
          name: 'feature-pipeline',
          image: `${registry}/ml/feature-pipeline:3.3.0`,
          schedule: '0 * * * *',
          cpu: '500m',
          memory: '1Gi',
        },
      ],
    }),
  'edge-apac': (registry) =>
    plan({
      namespaces: ['web'],
      deployments: [
        {
          namespace: 'web',
          name: 'frontend',
          image: `${registry}/edge/frontend:9.4.0`,
          replicas: 3,
          cpu: '250m',
          memory: '512Mi',
          port: 8080,
          labels: { app: 'frontend' },
          service: { type: 'LoadBalancer', port: 80, targetPort: 8080 },
        },
        {
          namespace: 'web',
          name: 'edge-api',
          image: `${registry}/edge/edge-api:3.8.1`,
          replicas: 2,
          cpu: '200m',
          memory: '256Mi',
          port: 8080,
          service: { port: 80, targetPort: 8080 },
          hpa: { min: 2, max: 6, cpu: 75 },
        },
      ],
    }),
};

/** More apps for the production clusters, so each runs a few dozen pods. */
export const MORE_PROD_PLANS: Record<string, PlanBuilder> = {
  'checkout-eu': (registry) =>
    plan({
      deployments: [
        {
          namespace: 'payments',
          name: 'notifications',
          image: `${registry}/payments/notifications:2.3.1`,
          replicas: 2,
          cpu: '100m',
          memory: '128Mi',
        },
        {
          namespace: 'web',
          name: 'image-resizer',
          image: `${registry}/web/image-resizer:3.0.7`,
          replicas: 2,
          cpu: '200m',
          memory: '256Mi',
          tolerations: SPOT_OK,
        },
      ],
      statefulSets: [
        {
          namespace: 'payments',
          name: 'ledger-cache',
          image: 'public.ecr.aws/docker/library/redis:7.4-alpine',
          replicas: 3,
          cpu: '100m',
          memory: '256Mi',
          port: 6379,
          service: { port: 6379, headless: true },
        },
      ],
    }),
  'legacy-billing': (registry) =>
    plan({
      deployments: [
        {
          namespace: 'billing',
          name: 'billing-ui',
          image: `${registry}/billing/billing-ui:1.22.7`,
          replicas: 3,
          cpu: '100m',
          memory: '128Mi',
          port: 8080,
          service: { type: 'LoadBalancer', port: 80, targetPort: 8080 },
        },
        {
          namespace: 'billing',
          name: 'pdf-renderer',
          image: `${registry}/billing/pdf-renderer:0.9.0`,
          replicas: 2,
          cpu: '200m',
          memory: '512Mi',
        },
      ],
      cronJobs: [
        {
          namespace: 'billing',
          name: 'invoice-batch',
          image: `${registry}/billing/invoice-worker:1.22.7`,
          schedule: '0 * * * *',
          cpu: '100m',
          memory: '256Mi',
        },
      ],
    }),
  'ml-training': () =>
    plan({
      deployments: [
        {
          namespace: 'training',
          name: 'tensorboard',
          image: 'tensorflow/tensorflow:2.18.0',
          replicas: 2,
          cpu: '250m',
          memory: '1Gi',
          port: 6006,
          service: { port: 80, targetPort: 6006 },
        },
      ],
    }),
  'edge-apac': (registry) =>
    plan({
      deployments: [
        {
          namespace: 'web',
          name: 'image-proxy',
          image: `${registry}/edge/image-proxy:1.6.0`,
          replicas: 2,
          cpu: '100m',
          memory: '128Mi',
          port: 8080,
          service: { port: 8080 },
        },
      ],
      statefulSets: [
        {
          namespace: 'web',
          name: 'edge-cache',
          image: 'public.ecr.aws/docker/library/redis:7.4-alpine',
          replicas: 3,
          cpu: '100m',
          memory: '256Mi',
          port: 6379,
          service: { port: 6379, headless: true },
        },
      ],
    }),
};
