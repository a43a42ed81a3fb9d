import { describe, expect, it } from 'vitest';
import { TEST_ROLE, testWorld } from '../../testing/testWorld.ts';
import { compatibleVersions, findCatalogueAddon } from './addonCatalogue.ts';
import { describeAddonConfiguration } from './addonConfigurationSchemas.ts';
import { createAddon, updateAddon } from './addons.ts';
import { createCluster } from './clusters.ts';

const ACCOUNT = '111122223333';

function setup() {
  const { world, advance } = testWorld();
  const state = world.region(ACCOUNT, 'us-east-1');
  const subnetIds = state.network.subnets.filter((s) => !s.public).map((s) => s.id);
  createCluster(world, state, {
    name: 'c',
    version: '1.34',
    roleArn: TEST_ROLE,
    resourcesVpcConfig: { subnetIds },
  });
  advance(world.timings.clusterCreateMs);
  return { world, advance, state };
}

const corednsBuild = compatibleVersions(findCatalogueAddon('coredns')!, '1.34')[0]!.addonVersion;

describe('add-on configuration schemas', () => {
  it('gives every build of the catalogue a draft-07 object schema that refuses unknown fields', () => {
    for (const name of ['vpc-cni', 'coredns', 'kube-proxy', 'aws-ebs-csi-driver']) {
      const entry = findCatalogueAddon(name)!;
      for (const { addonVersion } of entry.versions) {
        const { schema } = describeAddonConfiguration(name, addonVersion);
        expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
      }
    }
    expect(
      describeAddonConfiguration(
        'kube-proxy',
        findCatalogueAddon('kube-proxy')!.versions[0]!.addonVersion,
      ).schema.properties,
    ).toMatchObject({ mode: { enum: ['iptables', 'ipvs'] } });
    expect(describeAddonConfiguration('vpc-cni', 'v1.20.4-eksbuild.2')).toMatchObject({
      podIdentityConfiguration: [
        {
          serviceAccount: 'aws-node',
          recommendedManagedPolicies: ['arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy'],
        },
      ],
    });
  });

  it('offers CoreDNS autoscaling from the v1.11 builds on', () => {
    expect(
      describeAddonConfiguration('coredns', 'v1.11.1-eksbuild.9').schema.properties,
    ).toHaveProperty('autoScaling');
    expect(
      describeAddonConfiguration('coredns', 'v1.10.1-eksbuild.18').schema.properties,
    ).not.toHaveProperty('autoScaling');
  });

  it('refuses unknown add-ons and builds as EKS does', () => {
    expect(() => describeAddonConfiguration('ghost', 'v1.0.0-eksbuild.1')).toThrow(
      expect.objectContaining({ code: 'ResourceNotFoundException' }),
    );
    expect(() => describeAddonConfiguration('coredns', 'v0.0.1-eksbuild.1')).toThrow(
      expect.objectContaining({ code: 'InvalidParameterException' }),
    );
  });
});

describe('configuration values on install and update', () => {
  it('installs with values (JSON or YAML) that satisfy the schema of the build', () => {
    const { world, state } = setup();
    const addon = createAddon(world, state, 'c', {
      addonName: 'coredns',
      configurationValues: '{"replicaCount":3,"resources":{"limits":{"memory":"170Mi"}}}',
    });
    expect(addon.configurationValues).toContain('replicaCount');
    const proxy = createAddon(world, state, 'c', {
      addonName: 'kube-proxy',
      configurationValues: 'mode: ipvs\nipvs:\n  scheduler: rr\n',
    });
    expect(proxy.status).toBe('CREATING');
  });

  it('refuses values that do not match, naming each field in EKS words', () => {
    const { world, state } = setup();
    expect(() =>
      createAddon(world, state, 'c', {
        addonName: 'coredns',
        addonVersion: corednsBuild,
        configurationValues: '{"replicaCount":"three","colour":"blue"}',
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'InvalidParameterException',
        message:
          'ConfigurationValue provided in request is not supported: Json schema validation failed with error: [$.replicaCount: string found, integer expected, $.colour: is not defined in the schema and the schema does not allow additional properties]',
      }),
    );
    expect(() =>
      createAddon(world, state, 'c', {
        addonName: 'kube-proxy',
        configurationValues: 'mode: nftables',
      }),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(
          '$.mode: does not have a value in the enumeration [iptables, ipvs]',
        ),
      }),
    );
    expect(() =>
      createAddon(world, state, 'c', { addonName: 'vpc-cni', configurationValues: '[1, 2]' }),
    ).toThrow(expect.objectContaining({ code: 'InvalidParameterException' }));
    expect(state.clusters.get('c')?.kind === 'eks' && state.clusters.get('c')).toMatchObject({
      addons: new Map(),
    });
  });

  it('checks an update against the schema of the build it moves to', () => {
    const { world, advance, state } = setup();
    createAddon(world, state, 'c', { addonName: 'vpc-cni' });
    advance(world.timings.addonCreateMs);
    expect(() =>
      updateAddon(world, state, 'c', 'vpc-cni', {
        configurationValues: '{"env":{"ENABLE_PREFIX_DELEGATION":"yes"}}',
      }),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(
          '$.env.ENABLE_PREFIX_DELEGATION: does not have a value in the enumeration [true, false]',
        ),
      }),
    );
    const update = updateAddon(world, state, 'c', 'vpc-cni', {
      configurationValues: '{"env":{"ENABLE_PREFIX_DELEGATION":"true","WARM_PREFIX_TARGET":"1"}}',
    });
    expect(update.status).toBe('InProgress');
  });
});
