import { describe, expect, it } from 'vitest';
import type { Update } from '@wheelhouse/contract';
import { describeUpdateParams } from './updateParams.ts';

// Param types and values exactly as packages/sandbox records them (world/eks/clusterUpdates.ts,
// nodegroupUpdates.ts, seed/demoClusters.ts), which follow what EKS's DescribeUpdate returns.
const update = (
  type: string,
  params: Update['params'],
  overrides: Partial<Update> = {},
): Update => ({
  id: `${type}-1`,
  type,
  status: 'Successful',
  params,
  errors: [],
  createdAt: '2026-02-17T16:40:00Z',
  ...overrides,
});

describe('describeUpdateParams: cluster updates', () => {
  it('LoggingUpdate: the log types turned on and off, not JSON', () => {
    const on = update('LoggingUpdate', [
      {
        type: 'ClusterLogging',
        value: JSON.stringify({ clusterLogging: [{ types: ['authenticator'], enabled: true }] }),
      },
    ]);
    expect(describeUpdateParams(on, 'cluster')).toEqual(['Logging: authenticator turned on']);
    const both = update('LoggingUpdate', [
      {
        type: 'ClusterLogging',
        value: JSON.stringify({
          clusterLogging: [
            { types: ['api', 'audit'], enabled: true },
            { types: ['scheduler'], enabled: false },
          ],
        }),
      },
    ]);
    expect(describeUpdateParams(both, 'cluster')).toEqual([
      'Logging: api, audit turned on',
      'Logging: scheduler turned off',
    ]);
  });

  it('VersionUpdate: from the minor before (EKS moves one at a time) to the target', () => {
    const version = update('VersionUpdate', [
      { type: 'Version', value: '1.34' },
      { type: 'PlatformVersion', value: 'eks.9' },
    ]);
    expect(describeUpdateParams(version, 'cluster')).toEqual([
      'Version 1.33 → 1.34',
      'Platform version eks.9',
    ]);
  });

  it('VpcConfigUpdate: subnets and security groups as lists', () => {
    const vpc = update('VpcConfigUpdate', [
      { type: 'Subnets', value: JSON.stringify(['subnet-0a1', 'subnet-0b2']) },
      { type: 'SecurityGroups', value: JSON.stringify(['sg-0c3']) },
    ]);
    expect(describeUpdateParams(vpc, 'cluster')).toEqual([
      'Subnets: subnet-0a1, subnet-0b2',
      'Security groups: sg-0c3',
    ]);
  });

  it('EndpointAccessUpdate: each endpoint turned on or off, and the allowed CIDRs', () => {
    const endpoint = update('EndpointAccessUpdate', [
      { type: 'EndpointPublicAccess', value: 'false' },
      { type: 'EndpointPrivateAccess', value: 'true' },
      { type: 'PublicAccessCidrs', value: JSON.stringify(['203.0.113.0/24', '198.51.100.0/24']) },
    ]);
    expect(describeUpdateParams(endpoint, 'cluster')).toEqual([
      'Public endpoint turned off',
      'Private endpoint turned on',
      'Public access from 203.0.113.0/24, 198.51.100.0/24',
    ]);
  });

  it('AccessConfigUpdate: the authentication mode in words', () => {
    expect(
      describeUpdateParams(
        update('AccessConfigUpdate', [{ type: 'AuthenticationMode', value: 'API_AND_CONFIG_MAP' }]),
        'cluster',
      ),
    ).toEqual(['Authentication mode: EKS API and aws-auth ConfigMap']);
    expect(
      describeUpdateParams(
        update('AccessConfigUpdate', [{ type: 'AuthenticationMode', value: 'API' }]),
        'cluster',
      ),
    ).toEqual(['Authentication mode: EKS API only']);
  });

  it('UpgradePolicyUpdate: standard or extended support', () => {
    const policy = (supportType: string) =>
      update('UpgradePolicyUpdate', [
        { type: 'UpgradePolicy', value: JSON.stringify({ supportType }) },
      ]);
    expect(describeUpdateParams(policy('EXTENDED'), 'cluster')).toEqual([
      'Upgrade policy: extended support',
    ]);
    expect(describeUpdateParams(policy('STANDARD'), 'cluster')).toEqual([
      'Upgrade policy: standard support',
    ]);
  });

  it('ZonalShiftConfigUpdate and DeletionProtectionUpdate: turned on or off', () => {
    expect(
      describeUpdateParams(
        update('ZonalShiftConfigUpdate', [{ type: 'ZonalShiftConfig', value: 'true' }]),
        'cluster',
      ),
    ).toEqual(['Zonal shift turned on']);
    expect(
      describeUpdateParams(
        update('DeletionProtectionUpdate', [{ type: 'DeletionProtection', value: 'false' }]),
        'cluster',
      ),
    ).toEqual(['Deletion protection turned off']);
  });

  it('keeps a parameter it does not know as type=value, and a malformed value too', () => {
    const odd = update('AssociateEncryptionConfig', [
      { type: 'EncryptionConfig', value: '[{"resources":["secrets"]}]' },
      { type: 'Subnets', value: 'not json' },
    ]);
    expect(describeUpdateParams(odd, 'cluster')).toEqual([
      'EncryptionConfig=[{"resources":["secrets"]}]',
      'Subnets=not json',
    ]);
  });
});

describe('describeUpdateParams: node group updates', () => {
  it('ConfigUpdate scaling: from the size an older successful update set, else "set to"', () => {
    const first = update('ConfigUpdate', [{ type: 'DesiredSize', value: '3' }], {
      id: 'first',
      createdAt: '2026-02-01T10:00:00Z',
    });
    const failed = update('ConfigUpdate', [{ type: 'DesiredSize', value: '9' }], {
      id: 'failed',
      status: 'Failed',
      createdAt: '2026-02-02T10:00:00Z',
    });
    const second = update(
      'ConfigUpdate',
      [
        { type: 'DesiredSize', value: '5' },
        { type: 'MinSize', value: '2' },
        { type: 'MaxSize', value: '8' },
      ],
      { id: 'second', createdAt: '2026-02-03T10:00:00Z' },
    );
    const history = [second, failed, first];
    expect(describeUpdateParams(second, 'nodegroup', history)).toEqual([
      'Desired 3 → 5',
      'Minimum set to 2',
      'Maximum set to 8',
    ]);
    expect(describeUpdateParams(first, 'nodegroup', history)).toEqual(['Desired set to 3']);
  });

  it('ConfigUpdate labels and taints: added and removed, taints as key=value:effect', () => {
    const labels = update('ConfigUpdate', [
      { type: 'LabelsToAdd', value: JSON.stringify({ team: 'platform', tier: 'web' }) },
      { type: 'LabelsToRemove', value: JSON.stringify(['legacy']) },
      {
        type: 'TaintsToAdd',
        value: JSON.stringify([{ key: 'gpu', value: 'true', effect: 'NO_SCHEDULE' }]),
      },
      { type: 'TaintsToRemove', value: JSON.stringify([{ key: 'spot', effect: 'NO_EXECUTE' }]) },
    ]);
    expect(describeUpdateParams(labels, 'nodegroup')).toEqual([
      'Labels added: team=platform, tier=web',
      'Labels removed: legacy',
      'Taints added: gpu=true:NO_SCHEDULE',
      'Taints removed: spot:NO_EXECUTE',
    ]);
  });

  it('ConfigUpdate updateConfig: how many nodes may be unavailable', () => {
    expect(
      describeUpdateParams(
        update('ConfigUpdate', [{ type: 'MaxUnavailable', value: '2' }]),
        'nodegroup',
      ),
    ).toEqual(['At most 2 nodes unavailable during updates']);
    expect(
      describeUpdateParams(
        update('ConfigUpdate', [{ type: 'MaxUnavailablePercentage', value: '25' }]),
        'nodegroup',
      ),
    ).toEqual(['At most 25% of nodes unavailable during updates']);
  });

  it('VersionUpdate: version and AMI release, from what the last successful update set', () => {
    const before = update(
      'VersionUpdate',
      [
        { type: 'Version', value: '1.33' },
        { type: 'ReleaseVersion', value: '1.33.4-20251001' },
      ],
      { id: 'before', createdAt: '2026-01-01T10:00:00Z' },
    );
    const now = update('VersionUpdate', [
      { type: 'Version', value: '1.34' },
      { type: 'ReleaseVersion', value: '1.34.2-20251120' },
    ]);
    expect(describeUpdateParams(now, 'nodegroup', [now, before])).toEqual([
      'Version 1.33 → 1.34',
      'AMI release 1.33.4-20251001 → 1.34.2-20251120',
    ]);
    // A node group may skip minors, so without an older update there is no "from" to claim.
    expect(describeUpdateParams(now, 'nodegroup')).toEqual([
      'Version set to 1.34',
      'AMI release set to 1.34.2-20251120',
    ]);
  });
});
