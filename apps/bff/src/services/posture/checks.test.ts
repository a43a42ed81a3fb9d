import { describe, expect, it } from 'vitest';
import type { ClusterDetail } from '@wheelhouse/contract';
import { POSTURE_CHECKS } from './checks/index.ts';
import { evaluatePosture } from './engine.ts';
import type { ClusterFacts } from './facts.ts';

const NOW = new Date('2026-12-04T00:00:00Z');
const ADMIN = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';

/** A cluster that passes every check: each case below breaks exactly one thing. */
function cleanFacts(): ClusterFacts {
  const cluster: ClusterDetail = {
    accountId: '123456789012',
    region: 'eu-west-1',
    name: 'tidy',
    arn: 'arn:aws:eks:eu-west-1:123456789012:cluster/tidy',
    status: 'ACTIVE',
    version: '1.33',
    versionSupport: { status: 'STANDARD_SUPPORT', endOfStandardSupport: '2027-07-29' },
    endpointPublicAccess: false,
    endpointPrivateAccess: true,
    enabledLogTypes: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'],
    secretsEncryption: true,
    tags: {},
    connected: false,
    healthIssues: 0,
    networking: {
      subnetIds: ['subnet-a', 'subnet-b'],
      securityGroupIds: [],
      publicAccessCidrs: [],
    },
    logging: [],
    encryption: [{ keyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k', resources: ['secrets'] }],
    identity: {},
    authenticationMode: 'API',
    health: [],
  };
  return {
    cluster,
    now: NOW,
    nodegroups: [
      {
        nodegroupName: 'general',
        version: '1.33',
        subnets: ['subnet-a', 'subnet-b'],
        nodeRole: 'arn:aws:iam::123456789012:role/node',
        health: { issues: [] },
      },
    ],
    groups: [
      {
        resource: 'nodegroup/general',
        name: 'eks-general-1',
        nodegroup: 'general',
        subnets: ['subnet-a', 'subnet-b'],
        launch: { templateId: 'lt-1', version: '1', httpTokens: 'required', hopLimit: 1 },
      },
    ],
    fargateProfiles: [
      {
        fargateProfileName: 'jobs',
        status: 'ACTIVE',
        subnets: ['subnet-a'],
        podExecutionRoleArn: 'arn:aws:iam::123456789012:role/fargate',
      },
    ],
    addons: [
      {
        addonName: 'coredns',
        addonVersion: 'v1.11.4-eksbuild.14',
        status: 'ACTIVE',
        health: { issues: [] },
      },
    ],
    subnets: new Map([
      ['subnet-a', { mapPublicIpOnLaunch: false, availabilityZone: 'eu-west-1a' }],
      ['subnet-b', { mapPublicIpOnLaunch: false, availabilityZone: 'eu-west-1b' }],
      ['subnet-pub', { mapPublicIpOnLaunch: true, availabilityZone: 'eu-west-1a' }],
    ]),
    amiDrift: new Map([
      [
        'general',
        {
          status: 'latest' as const,
          amiType: 'AL2023_x86_64_STANDARD',
          releaseVersion: '1.33.5-20261118',
          latestReleaseVersion: '1.33.5-20261118',
          releasesBehind: 0,
          daysBehind: 0,
        },
      ],
    ]),
    accessEntries: [
      {
        entry: { principalArn: 'arn:aws:iam::123456789012:role/break-glass' },
        policies: [{ policyArn: ADMIN, accessScope: { type: 'cluster' } }],
      },
    ],
  };
}

const adminEntry = (principalArn: string) => ({
  entry: { principalArn },
  policies: [{ policyArn: ADMIN, accessScope: { type: 'cluster' as const } }],
});

/** For each check, the one change to a clean cluster that makes it fail, and the resource it names. */
const breaking: Record<string, [(facts: ClusterFacts) => void, string]> = {
  'ACCESS-WILDCARD-ADMIN': [
    (f) => f.accessEntries!.push(adminEntry('arn:aws:iam::123456789012:root')),
    'access-entry/arn:aws:iam::123456789012:root',
  ],
  'EKS-VERSION-UNSUPPORTED': [
    (f) =>
      (f.cluster.versionSupport = { status: 'UNSUPPORTED', endOfExtendedSupport: '2025-01-01' }),
    'cluster/tidy',
  ],
  'EKS-ENDPOINT-OPEN': [
    (f) => {
      f.cluster.endpointPublicAccess = true;
      f.cluster.networking.publicAccessCidrs = ['0.0.0.0/0'];
    },
    'cluster/tidy',
  ],
  'EKS-LOG-AUDIT': [(f) => (f.cluster.enabledLogTypes = ['api', 'authenticator']), 'cluster/tidy'],
  'EKS-SECRETS-KMS': [(f) => (f.cluster.secretsEncryption = false), 'cluster/tidy'],
  'NODES-IMDSV1': [(f) => (f.groups![0]!.launch!.httpTokens = 'optional'), 'nodegroup/general'],
  'NODES-PUBLIC-IP': [(f) => (f.groups![0]!.subnets = ['subnet-pub']), 'nodegroup/general'],
  'NODEGROUP-SSH-OPEN': [
    (f) => (f.nodegroups![0]!.remoteAccess = { ec2SshKey: 'ops-key' }),
    'nodegroup/general',
  ],
  'NODEGROUP-VERSION-SKEW': [(f) => (f.nodegroups![0]!.version = '1.29'), 'nodegroup/general'],
  'FARGATE-PUBLIC-SUBNET': [
    (f) => (f.fargateProfiles![0]!.subnets = ['subnet-pub']),
    'fargate-profile/jobs',
  ],
  'EKS-CLUSTER-HEALTH': [
    (f) => f.cluster.health.push({ code: 'SUBNET_NOT_FOUND', message: 'gone', resourceIds: [] }),
    'cluster/tidy',
  ],
  'EKS-LOG-AUTHENTICATOR': [(f) => (f.cluster.enabledLogTypes = ['api', 'audit']), 'cluster/tidy'],
  'EKS-ENDPOINT-PRIVATE-OFF': [
    (f) => {
      f.cluster.endpointPublicAccess = true;
      f.cluster.endpointPrivateAccess = false;
    },
    'cluster/tidy',
  ],
  'EKS-AUTH-CONFIG-MAP': [(f) => (f.cluster.authenticationMode = 'CONFIG_MAP'), 'cluster/tidy'],
  'EKS-VERSION-EXTENDED': [
    (f) =>
      (f.cluster.versionSupport = {
        status: 'EXTENDED_SUPPORT',
        endOfExtendedSupport: '2027-03-01',
      }),
    'cluster/tidy',
  ],
  'NODEGROUP-HEALTH': [
    (f) =>
      (f.nodegroups![0]!.health = {
        issues: [{ code: 'AsgInstanceLaunchFailures', message: 'no capacity' }],
      }),
    'nodegroup/general',
  ],
  'NODEGROUP-SINGLE-AZ': [(f) => (f.nodegroups![0]!.subnets = ['subnet-a']), 'nodegroup/general'],
  'ADDON-DEGRADED': [
    (f) => {
      f.addons![0]!.status = 'DEGRADED';
      f.addons![0]!.health = {
        issues: [{ code: 'InsufficientNumberOfReplicas', message: 'not enough replicas' }],
      };
    },
    'addon/coredns',
  ],
  'FARGATE-PROFILE-FAILED': [
    (f) => (f.fargateProfiles![0]!.status = 'CREATE_FAILED'),
    'fargate-profile/jobs',
  ],
  'ACCESS-NO-BREAK-GLASS': [(f) => (f.accessEntries = []), 'cluster/tidy'],
  'EKS-ENDPOINT-PUBLIC': [(f) => (f.cluster.endpointPublicAccess = true), 'cluster/tidy'],
  'EKS-LOG-API': [(f) => (f.cluster.enabledLogTypes = ['audit', 'authenticator']), 'cluster/tidy'],
  'EKS-VERSION-ENDING': [
    (f) => (f.cluster.versionSupport.endOfStandardSupport = '2027-01-15'),
    'cluster/tidy',
  ],
  'NODEGROUP-VERSION-BEHIND': [(f) => (f.nodegroups![0]!.version = '1.32'), 'nodegroup/general'],
  'NODEGROUP-AMI-BEHIND': [
    (f) =>
      f.amiDrift!.set('general', {
        status: 'behind',
        releaseVersion: '1.33.5-20251120',
        latestReleaseVersion: '1.33.5-20261118',
        releasesBehind: 6,
        daysBehind: 363,
      }),
    'nodegroup/general',
  ],
  'NODES-IMDS-HOP-LIMIT': [(f) => (f.groups![0]!.launch!.hopLimit = 2), 'nodegroup/general'],
  'ACCESS-MANY-ADMINS': [
    (f) => {
      for (const name of ['a', 'b', 'c']) {
        f.accessEntries!.push(adminEntry(`arn:aws:iam::123456789012:role/${name}`));
      }
    },
    'cluster/tidy',
  ],
};

describe('posture checks', () => {
  it('has more than twenty checks, each with an id, a source and a breaking case here', () => {
    expect(POSTURE_CHECKS.length).toBeGreaterThan(20);
    expect(new Set(POSTURE_CHECKS.map((check) => check.id)).size).toBe(POSTURE_CHECKS.length);
    expect(POSTURE_CHECKS.map((check) => check.id).sort()).toEqual(Object.keys(breaking).sort());
  });

  it('a clean cluster passes every check and scores 100', () => {
    const { findings, score } = evaluatePosture(cleanFacts(), POSTURE_CHECKS);
    expect(findings).toEqual([]);
    expect(score).toMatchObject({ score: 100, failed: 0, skipped: 0 });
  });

  for (const check of POSTURE_CHECKS) {
    it(`${check.id} fails on its own breaking change, naming the resource and a command`, () => {
      const [breakIt, resource] = breaking[check.id]!;
      const facts = cleanFacts();
      breakIt(facts);
      const failures = check.evaluate(facts);
      expect(failures?.map((failure) => failure.resource)).toContain(resource);
      for (const failure of failures ?? []) {
        expect(failure.remediation).toMatch(/^aws (eks|ec2|autoscaling) /);
      }
      expect(check.evaluate(cleanFacts())).toEqual([]);
    });
  }

  it('skips, rather than passes, a check whose facts could not be read', () => {
    const facts = cleanFacts();
    delete facts.groups;
    delete facts.accessEntries;
    const { score } = evaluatePosture(facts, POSTURE_CHECKS);
    expect(score.skipped).toBe(6);
    expect(score.score).toBe(100);
  });

  it('weighs failures by severity: one critical costs more than one low', () => {
    const critical = cleanFacts();
    breaking['EKS-VERSION-UNSUPPORTED']![0](critical);
    const low = cleanFacts();
    breaking['EKS-LOG-API']![0](low);
    const criticalScore = evaluatePosture(critical, POSTURE_CHECKS).score.score;
    const lowScore = evaluatePosture(low, POSTURE_CHECKS).score.score;
    expect(criticalScore).toBeLessThan(lowScore);
    expect(lowScore).toBeLessThan(100);
  });
});
