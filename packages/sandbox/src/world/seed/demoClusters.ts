import { LATEST_AMI_BUILD } from '../eks/nodegroups.ts';
import type { ClusterDef, HistoryDef } from './seedBuilders.ts';

/** The demo world's clusters, by region. Tags follow one scheme: team, env, cost-center. */

const versionUpdate = (version: string, platform: string, at: string): HistoryDef => ({
  type: 'VersionUpdate',
  params: [
    { type: 'Version', value: version },
    { type: 'PlatformVersion', value: platform },
  ],
  at,
});

const loggingUpdate = (types: string[], at: string): HistoryDef => ({
  type: 'LoggingUpdate',
  params: [
    {
      type: 'ClusterLogging',
      value: JSON.stringify({ clusterLogging: [{ types, enabled: true }] }),
    },
  ],
  at,
});

const SPOT_TAINT = { key: 'lifecycle', value: 'spot', effect: 'PREFER_NO_SCHEDULE' } as const;

export const PROD_CLUSTERS: Record<string, ClusterDef[]> = {
  'us-east-1': [
    {
      name: 'checkout-prod',
      version: '1.34',
      createdAt: '2024-03-12T14:05:00Z',
      endpoint: 'both',
      publicAccessCidrs: ['203.0.113.0/24', '198.51.100.0/24'],
      logging: ['api', 'audit', 'authenticator'],
      kms: true,
      authenticationMode: 'API',
      tags: { team: 'payments', env: 'prod', 'cost-center': 'cc-1042' },
      nodegroups: [
        {
          name: 'general-od',
          instanceTypes: ['m6i.xlarge'],
          scaling: [3, 3, 10],
          labels: { workload: 'general' },
        },
        {
          name: 'spot-burst',
          instanceTypes: ['m6i.large', 'm5.large', 'm5a.large'],
          capacityType: 'SPOT',
          scaling: [0, 2, 20],
          labels: { lifecycle: 'spot' },
          taints: [SPOT_TAINT],
        },
        {
          name: 'arm-workers',
          instanceTypes: ['m7g.large'],
          scaling: [1, 2, 6],
          amiType: 'AL2023_ARM_64_STANDARD',
          // Kept on the newest AMI release; its siblings lag behind.
          releaseBuild: LATEST_AMI_BUILD,
          labels: { 'kubernetes.io/arch': 'arm64' },
        },
      ],
      history: [
        versionUpdate('1.33', 'eks.14', '2025-07-02T08:10:00Z'),
        versionUpdate('1.34', 'eks.9', '2025-11-04T08:12:00Z'),
        loggingUpdate(['authenticator'], '2026-02-17T16:40:00Z'),
      ],
    },
    {
      name: 'platform-tools',
      version: '1.33',
      createdAt: '2025-06-20T10:00:00Z',
      endpoint: 'private',
      logging: ['api', 'audit'],
      tags: { team: 'platform', env: 'prod', 'cost-center': 'cc-1001' },
      nodegroups: [
        {
          name: 'system',
          instanceTypes: ['t3.large'],
          scaling: [2, 2, 4],
          amiType: 'BOTTLEROCKET_x86_64',
          labels: { role: 'system' },
          taints: [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'NO_SCHEDULE' }],
        },
      ],
      // fp-batch and fp-batch-any overlap: a batch pod labelled tier=batch matches both.
      fargateProfiles: [
        {
          name: 'fp-default',
          selectors: [
            { namespace: 'default' },
            { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
          ],
        },
        { name: 'fp-batch', selectors: [{ namespace: 'batch', labels: { tier: 'batch' } }] },
        { name: 'fp-batch-any', selectors: [{ namespace: 'batch' }] },
      ],
    },
    {
      name: 'search-prod',
      version: '1.34',
      status: 'UPDATING',
      createdAt: '2025-10-15T12:30:00Z',
      endpoint: 'both',
      publicAccessCidrs: ['0.0.0.0/0'],
      logging: ['api'],
      tags: { team: 'search', env: 'prod', 'cost-center': 'cc-1310' },
      nodegroups: [
        {
          name: 'search-nodes',
          instanceTypes: ['r6i.2xlarge'],
          scaling: [3, 6, 12],
          releaseBuild: '20260520',
          labels: { workload: 'search' },
        },
        {
          name: 'search-arm',
          instanceTypes: ['r7g.xlarge'],
          scaling: [0, 2, 6],
          amiType: 'AL2023_ARM_64_STANDARD',
          labels: { workload: 'search', 'kubernetes.io/arch': 'arm64' },
        },
      ],
    },
    {
      name: 'analytics-next',
      version: '1.36',
      status: 'CREATING',
      createdAt: '2026-11-26T08:00:00Z',
      endpoint: 'private',
      kms: true,
      authenticationMode: 'API',
      supportType: 'STANDARD',
      tags: { team: 'data', env: 'prod', 'cost-center': 'cc-2040' },
    },
    {
      name: 'legacy-billing',
      version: '1.30',
      createdAt: '2024-06-03T09:15:00Z',
      authenticationMode: 'CONFIG_MAP',
      tags: { team: 'billing', env: 'prod', 'cost-center': 'cc-1050' },
      nodegroups: [
        {
          name: 'legacy-ng',
          instanceTypes: ['m5.large'],
          scaling: [2, 3, 4],
          amiType: 'AL2_x86_64',
          // Never updated since shortly after the cluster's last upgrade.
          releaseBuild: '20250920',
          status: 'DEGRADED',
          health: [
            {
              code: 'AsgInstanceLaunchFailures',
              message:
                'Could not launch On-Demand Instances. InsufficientInstanceCapacity - We currently do not have sufficient m5.large capacity in the Availability Zone you requested (us-east-1a). Launching EC2 instance failed.',
              resourceIds: ['{autoScalingGroup}'],
            },
          ],
        },
      ],
      history: [versionUpdate('1.30', 'eks.29', '2024-08-20T07:00:00Z')],
    },
  ],
  'eu-west-1': [
    {
      name: 'checkout-eu',
      version: '1.34',
      createdAt: '2025-10-21T11:00:00Z',
      tags: { team: 'payments', env: 'prod', 'cost-center': 'cc-1042' },
      nodegroups: [
        { name: 'general', instanceTypes: ['m6i.large'], scaling: [2, 3, 6] },
        {
          name: 'spot',
          instanceTypes: ['c6i.large', 'c5.large'],
          capacityType: 'SPOT',
          scaling: [0, 1, 10],
          labels: { lifecycle: 'spot' },
          taints: [SPOT_TAINT],
        },
      ],
    },
    {
      name: 'ml-training',
      version: '1.32',
      createdAt: '2025-02-11T13:45:00Z',
      endpoint: 'both',
      publicAccessCidrs: ['192.0.2.0/24'],
      logging: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
      kms: true,
      tags: { team: 'ml', env: 'prod', 'cost-center': 'cc-4200' },
      nodegroups: [
        {
          name: 'gpu',
          instanceTypes: ['g5.2xlarge'],
          scaling: [0, 1, 4],
          amiType: 'AL2023_x86_64_NVIDIA',
          labels: { accelerator: 'nvidia' },
          taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NO_SCHEDULE' }],
        },
        { name: 'cpu', instanceTypes: ['c6i.2xlarge'], scaling: [1, 2, 5] },
      ],
      fargateProfiles: [{ name: 'fp-notebooks', selectors: [{ namespace: 'notebooks' }] }],
    },
    {
      name: 'data-pipeline-eu',
      version: '1.34',
      status: 'FAILED',
      createdAt: '2026-11-20T15:20:00Z',
      tags: { team: 'data', env: 'prod', 'cost-center': 'cc-2040' },
      health: [
        {
          code: 'Ec2SubnetNotFound',
          message: 'One or more of the subnets specified for the cluster could not be found.',
          resourceIds: ['subnet-0d3adb33f0000c0de'],
        },
        {
          code: 'IamRoleNotFound',
          message:
            'The cluster role arn:aws:iam::123456789012:role/AmazonEKSClusterRole-pipeline was not found.',
        },
      ],
    },
  ],
  'ap-southeast-2': [
    {
      name: 'edge-apac',
      version: '1.35',
      createdAt: '2026-02-09T22:10:00Z',
      logging: ['audit'],
      tags: { team: 'edge', env: 'prod', 'cost-center': 'cc-1500' },
      nodegroups: [{ name: 'general', instanceTypes: ['t3.large'], scaling: [1, 2, 4] }],
      fargateProfiles: [
        { name: 'fp-web', selectors: [{ namespace: 'web', labels: { app: 'frontend' } }] },
      ],
    },
  ],
};

export const DEV_CLUSTERS: Record<string, ClusterDef[]> = {
  'us-east-1': [
    {
      name: 'dev-sandbox',
      version: '1.36',
      createdAt: '2026-06-15T09:00:00Z',
      logging: ['api'],
      authenticationMode: 'API',
      supportType: 'STANDARD',
      tags: { team: 'platform', env: 'dev', 'cost-center': 'cc-1001' },
      nodegroups: [
        {
          name: 'dev-general',
          instanceTypes: ['t3.medium', 't3a.medium'],
          capacityType: 'SPOT',
          scaling: [1, 2, 5],
          releaseBuild: LATEST_AMI_BUILD,
        },
      ],
      fargateProfiles: [{ name: 'fp-dev', selectors: [{ namespace: 'dev' }] }],
    },
    {
      name: 'feature-previews',
      version: '1.35',
      createdAt: '2026-03-02T10:30:00Z',
      endpoint: 'both',
      publicAccessCidrs: ['198.51.100.0/24'],
      tags: { team: 'web', env: 'dev', 'cost-center': 'cc-1200' },
      nodegroups: [{ name: 'previews', instanceTypes: ['m6i.large'], scaling: [1, 2, 6] }],
      fargateProfiles: [
        {
          name: 'fp-previews',
          selectors: [{ namespace: 'previews', labels: { preview: 'true' } }],
        },
      ],
    },
    {
      name: 'qa-integration',
      version: '1.33',
      createdAt: '2025-07-08T08:00:00Z',
      logging: ['api', 'audit'],
      tags: { team: 'qa', env: 'dev', 'cost-center': 'cc-1210' },
      nodegroups: [
        { name: 'qa-nodes', instanceTypes: ['m5.large'], scaling: [2, 2, 4], version: '1.32' },
      ],
    },
  ],
  'eu-west-1': [
    {
      name: 'dev-eu',
      version: '1.34',
      createdAt: '2025-11-12T14:00:00Z',
      tags: { team: 'platform', env: 'dev', 'cost-center': 'cc-1001' },
      nodegroups: [{ name: 'general', instanceTypes: ['t3.large'], scaling: [1, 1, 3] }],
      fargateProfiles: [{ name: 'fp-default', selectors: [{ namespace: 'default' }] }],
    },
    {
      name: 'perf-lab',
      version: '1.34',
      createdAt: '2025-12-01T09:00:00Z',
      kms: true,
      tags: { team: 'performance', env: 'dev', 'cost-center': 'cc-1220' },
      nodegroups: [
        { name: 'load-generators', instanceTypes: ['c6i.4xlarge'], scaling: [0, 4, 16] },
        {
          name: 'spot-targets',
          instanceTypes: ['m6i.2xlarge', 'm5.2xlarge'],
          capacityType: 'SPOT',
          scaling: [0, 3, 12],
          taints: [SPOT_TAINT],
        },
      ],
    },
  ],
};
