import type {
  AuditEntry,
  ClusterCompute,
  FargateProfile,
  Instance,
  Nodegroup,
  NodegroupDetail,
  SelfManagedGroup,
  SessionInfo,
  Update,
} from '@wheelhouse/contract';
import { json } from './fetchStub.ts';
import { clusterDetail } from './fixtures.ts';

/** The cluster every compute fixture belongs to (the same one as `clusterDetail()`). */
export const CLUSTER_API = '/api/clusters/111111111111/eu-west-1/prod-web';
export const CLUSTER_PAGE = '/clusters/111111111111/eu-west-1/prod-web';

export function nodegroup(overrides: Partial<Nodegroup> = {}): Nodegroup {
  const name = overrides.name ?? 'general';
  return {
    name,
    arn: `arn:aws:eks:eu-west-1:111111111111:nodegroup/prod-web/${name}/0ec5a1b2`,
    status: 'ACTIVE',
    capacityType: 'ON_DEMAND',
    instanceTypes: ['m5.large'],
    amiType: 'AL2023_x86_64_STANDARD',
    version: '1.31',
    releaseVersion: '1.31.0-20240514',
    scaling: { minSize: 1, maxSize: 6, desiredSize: 2 },
    currentInstances: 2,
    labels: { team: 'web' },
    taints: [],
    subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'],
    nodeRole: 'arn:aws:iam::111111111111:role/eks-node-role',
    diskSize: 20,
    autoScalingGroups: [`eks-${name}-0ec5a1b2`],
    health: [],
    createdAt: '2024-05-01T10:00:00.000Z',
    modifiedAt: '2024-05-02T10:00:00.000Z',
    tags: {},
    ...overrides,
  };
}

export function instance(overrides: Partial<Instance> = {}): Instance {
  return {
    instanceId: 'i-0aaa000000000001',
    instanceType: 'm5.large',
    availabilityZone: 'eu-west-1a',
    lifecycle: 'on-demand',
    state: 'running',
    launchTime: '2024-05-01T10:05:00.000Z',
    imageId: 'ami-0new',
    iamInstanceProfile: 'arn:aws:iam::111111111111:instance-profile/nodes',
    lifecycleState: 'InService',
    ...overrides,
  };
}

export function selfManagedGroup(overrides: Partial<SelfManagedGroup> = {}): SelfManagedGroup {
  return {
    name: 'legacy-workers',
    scaling: { minSize: 1, maxSize: 4, desiredSize: 3 },
    launchTemplate: 'lt-0abc (version 4)',
    instances: [
      instance({ instanceId: 'i-01' }),
      instance({ instanceId: 'i-02' }),
      instance({ instanceId: 'i-03' }),
    ],
    uniformity: {
      instanceTypes: ['m5.large'],
      imageIds: ['ami-0new'],
      roles: ['arn:aws:iam::111111111111:instance-profile/nodes'],
      uniform: true,
      outliers: [],
    },
    tags: { 'kubernetes.io/cluster/prod-web': 'owned' },
    ...overrides,
  };
}

export function fargateProfile(overrides: Partial<FargateProfile> = {}): FargateProfile {
  const name = overrides.name ?? 'batch';
  return {
    name,
    arn: `arn:aws:eks:eu-west-1:111111111111:fargateprofile/prod-web/${name}/1a2b`,
    status: 'ACTIVE',
    podExecutionRoleArn: 'arn:aws:iam::111111111111:role/eks-fargate-pods',
    subnets: ['subnet-0ccc3333'],
    selectors: [{ namespace: 'batch', labels: { tier: 'jobs' } }],
    tags: { team: 'data' },
    health: [],
    ...overrides,
  };
}

export function compute(overrides: Partial<ClusterCompute> = {}): ClusterCompute {
  return {
    nodegroups: [nodegroup()],
    selfManaged: [],
    fargateProfiles: [],
    fargateOverlaps: [],
    errors: [],
    ...overrides,
  };
}

export function update(overrides: Partial<Update> = {}): Update {
  return {
    id: '6b2f0d6e-1c1a-4a55-9f6e-3a8c3a0d1e01',
    type: 'ConfigUpdate',
    status: 'Successful',
    params: [{ type: 'DesiredSize', value: '2' }],
    errors: [],
    createdAt: '2024-05-02T10:00:00.000Z',
    ...overrides,
  };
}

export function nodegroupDetail(overrides: Partial<NodegroupDetail> = {}): NodegroupDetail {
  return {
    nodegroup: nodegroup(),
    instances: [instance(), instance({ instanceId: 'i-0aaa000000000002' })],
    updates: [update()],
    errors: [],
    ...overrides,
  };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 42,
    at: '2024-05-03T09:15:00.000Z',
    user: 'olivia',
    role: 'operator',
    action: 'nodegroup.scale',
    target: 'arn:aws:eks:eu-west-1:111111111111:nodegroup/prod-web/general',
    params: { minSize: 1, maxSize: 6, desiredSize: 4 },
    outcome: 'success',
    requestId: 'req-0001',
    ...overrides,
  };
}

/** The handlers a page with the Compute tab needs: session, cluster detail, compute. */
export function computePageHandlers(
  session: SessionInfo,
  data: ClusterCompute | (() => Response),
): Record<string, () => Response> {
  return {
    'GET /api/session': () => json(session),
    [`GET ${CLUSTER_API}`]: () => json(clusterDetail()),
    [`GET ${CLUSTER_API}/compute`]: () => (typeof data === 'function' ? data() : json(data)),
  };
}

export const auditorSession: SessionInfo = {
  user: 'ada',
  role: 'auditor',
  csrfToken: 'csrf-auditor',
  backend: 'sandbox',
  groups: [],
  authMethod: 'local',
};
