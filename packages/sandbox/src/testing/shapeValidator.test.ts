import { describe, expect, it } from 'vitest';
import { allowMissingReference, botocoreDataDir, loadServiceModel } from './botocoreModel.ts';
import { parseXml, validateShape, xmlToValue } from './shapeValidator.ts';

const dataDir = botocoreDataDir();

describe('the shape validator used by the conformance test', () => {
  it('passes a conforming EKS cluster and names each kind of deviation', () => {
    if (!dataDir) {
      allowMissingReference('botocore');
      return;
    }
    const model = loadServiceModel(dataDir, 'eks', '2017-11-01');
    const options = { timestamps: 'epoch-seconds' as const };
    const cluster = {
      name: 'a',
      status: 'ACTIVE',
      createdAt: 1_764_000_000.5,
      tags: { team: 'x' },
      logging: { clusterLogging: [{ types: ['api'], enabled: true }] },
    };
    expect(validateShape(model, 'Cluster', cluster, options)).toEqual([]);
    expect(validateShape(model, 'Cluster', { ...cluster, bogus: 1 }, options)).toEqual([
      expect.stringContaining('member bogus is not in the model'),
    ]);
    expect(
      validateShape(model, 'Cluster', { ...cluster, status: 'RUNNING' }, options)[0],
    ).toContain('"RUNNING" is not one of');
    expect(
      validateShape(model, 'Cluster', { ...cluster, createdAt: 1_764_000_000_000 }, options)[0],
    ).toContain('epoch seconds');
    expect(
      validateShape(model, 'Cluster', { ...cluster, tags: { team: 3 } }, options)[0],
    ).toContain('$.tags.team');
    expect(
      validateShape(model, 'OutpostConfigResponse', { outpostArns: [] }, options)[0],
    ).toContain('required member controlPlaneInstanceType is missing');
    expect(validateShape(model, 'NodegroupScalingConfig', { minSize: -1 }, options)[0]).toContain(
      'below 0',
    );
  });

  it('reads Query protocol XML into the shape it describes', () => {
    if (!dataDir) {
      allowMissingReference('botocore');
      return;
    }
    const model = loadServiceModel(dataDir, 'sts', '2011-06-15');
    const xml =
      '<AssumeRoleResponse xmlns="x"><AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>arn:aws:sts::1:assumed-role/r/s</Arn></AssumedRoleUser>' +
      '<Credentials><AccessKeyId>ASIAXXXXXXXXXXXXXXXX</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2026-11-27T00:00:00Z</Expiration></Credentials>' +
      '</AssumeRoleResult></AssumeRoleResponse>';
    const result = parseXml(xml).children[0]!.children[0]!;
    const value = xmlToValue(model, 'AssumeRoleResponse', result);
    expect(validateShape(model, 'AssumeRoleResponse', value, { timestamps: 'iso8601' })).toEqual(
      [],
    );
    const broken = xmlToValue(
      model,
      'AssumeRoleResponse',
      parseXml(xml.replace('2026-11-27T00:00:00Z', 'soon')).children[0]!.children[0]!,
    );
    expect(
      validateShape(model, 'AssumeRoleResponse', broken, { timestamps: 'iso8601' })[0],
    ).toContain('ISO 8601');
  });
});

describe('a missing botocore', () => {
  it('fails on CI and locally, unless the local run explicitly allows it', () => {
    expect(() =>
      allowMissingReference('botocore', { CI: 'true', WHEELHOUSE_ALLOW_MISSING_BOTOCORE: '1' }),
    ).toThrow(/CI=true/);
    expect(() => allowMissingReference('botocore', {})).toThrow(
      /WHEELHOUSE_ALLOW_MISSING_BOTOCORE=1/,
    );
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(allowMissingReference('botocore', { WHEELHOUSE_ALLOW_MISSING_BOTOCORE: '1' })).toBe(
        true,
      );
    } finally {
      console.warn = warn;
    }
  });
});
