import type { ClusterDetail, ClusterSummary, SessionInfo, Sources } from '@wheelhouse/contract';

export const operatorSession: SessionInfo = {
  user: 'olivia',
  role: 'operator',
  csrfToken: 'csrf-token-123',
  backend: 'sandbox',
  groups: [],
  authMethod: 'local',
};

export const sources: Sources = {
  accounts: [
    { id: '111111111111', name: 'production', via: 'role' },
    { id: '222222222222', name: 'staging', via: 'profile' },
  ],
  regions: ['eu-west-1', 'us-east-1'],
};

/** A valid ClusterSummary (checked against the contract in dev/test builds), with overrides. */
export function clusterSummary(overrides: Partial<ClusterSummary> = {}): ClusterSummary {
  const name = overrides.name ?? 'prod-web';
  const accountId = overrides.accountId ?? '111111111111';
  const region = overrides.region ?? 'eu-west-1';
  return {
    accountId,
    accountName: 'production',
    region,
    name,
    arn: `arn:aws:eks:${region}:${accountId}:cluster/${name}`,
    status: 'ACTIVE',
    version: '1.31',
    versionSupport: {
      status: 'STANDARD_SUPPORT',
      endOfStandardSupport: '2025-11-26T00:00:00.000Z',
      endOfExtendedSupport: '2026-11-26T00:00:00.000Z',
    },
    platformVersion: 'eks.12',
    endpointPublicAccess: true,
    endpointPrivateAccess: false,
    enabledLogTypes: ['api', 'audit'],
    secretsEncryption: true,
    createdAt: '2024-05-01T10:00:00.000Z',
    tags: { team: 'web', env: 'prod' },
    connected: false,
    healthIssues: 0,
    ...overrides,
  };
}

export function clusterDetail(overrides: Partial<ClusterDetail> = {}): ClusterDetail {
  const summary = clusterSummary(overrides);
  return {
    ...summary,
    roleArn: 'arn:aws:iam::111111111111:role/eks-cluster-role',
    endpoint: 'https://ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com',
    networking: {
      vpcId: 'vpc-0a1b2c3d',
      subnetIds: ['subnet-0aaa1111', 'subnet-0bbb2222'],
      securityGroupIds: ['sg-0ccc3333'],
      clusterSecurityGroupId: 'sg-0ddd4444',
      publicAccessCidrs: ['203.0.113.0/24'],
      serviceIpv4Cidr: '10.100.0.0/16',
      ipFamily: 'ipv4',
    },
    logging: [
      { type: 'api', enabled: true },
      { type: 'audit', enabled: true },
      { type: 'authenticator', enabled: false },
      { type: 'controllerManager', enabled: false },
      { type: 'scheduler', enabled: false },
    ],
    encryption: [
      {
        keyArn: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        resources: ['secrets'],
      },
    ],
    identity: { oidcIssuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF0123456789' },
    authenticationMode: 'API_AND_CONFIG_MAP',
    supportType: 'EXTENDED',
    health: [],
    ...overrides,
  };
}
