import { describe, expect, it } from 'vitest';
import { clusterSummary } from '../../test/fixtures.ts';
import { DEFAULT_FILTERS, type ClusterFilters } from './clusterFilters.ts';
import { compareVersions, filterClusters, sortClusters } from './filterClusters.ts';

const fleet = [
  clusterSummary({ name: 'prod-web', region: 'eu-west-1', version: '1.31', tags: { team: 'web' } }),
  clusterSummary({
    name: 'prod-api',
    region: 'us-east-1',
    version: '1.9',
    status: 'UPDATING',
    tags: { team: 'payments' },
  }),
  clusterSummary({
    name: 'stage-web',
    accountId: '222222222222',
    accountName: 'staging',
    region: 'eu-west-1',
    version: '1.10',
    status: 'FAILED',
    tags: {},
    createdAt: '2025-01-01T00:00:00.000Z',
  }),
  clusterSummary({
    name: 'edge-onprem',
    accountId: '222222222222',
    accountName: 'staging',
    region: 'us-east-1',
    status: 'PENDING',
    version: undefined,
    platformVersion: undefined,
    connected: true,
    provider: 'EKS_ANYWHERE',
    createdAt: undefined,
    tags: { site: 'berlin' },
  }),
];

const names = (items: { name: string }[]) => items.map((item) => item.name);
const filter = (change: Partial<ClusterFilters>) =>
  names(filterClusters(fleet, { ...DEFAULT_FILTERS, ...change }));

describe('filterClusters', () => {
  it('matches text in the name, account name and id, region and tags, ignoring case', () => {
    expect(filter({ q: 'PROD' })).toEqual(['prod-web', 'prod-api']);
    expect(filter({ q: 'staging' })).toEqual(['stage-web', 'edge-onprem']);
    expect(filter({ q: '2222222' })).toEqual(['stage-web', 'edge-onprem']);
    expect(filter({ q: 'us-east' })).toEqual(['prod-api', 'edge-onprem']);
    expect(filter({ q: 'team=payments' })).toEqual(['prod-api']);
    expect(filter({ q: 'berlin' })).toEqual(['edge-onprem']);
  });

  it('needs every word of the text to match', () => {
    expect(filter({ q: 'web eu-west-1' })).toEqual(['prod-web', 'stage-web']);
    expect(filter({ q: 'web us-east-1' })).toEqual([]);
  });

  it('keeps any value within a facet and all facets together', () => {
    expect(filter({ status: ['UPDATING', 'FAILED'] })).toEqual(['prod-api', 'stage-web']);
    expect(filter({ status: ['UPDATING', 'FAILED'], region: ['eu-west-1'] })).toEqual([
      'stage-web',
    ]);
    expect(filter({ account: ['222222222222'], q: 'edge' })).toEqual(['edge-onprem']);
  });

  it('never matches a version filter on a connected cluster (it has no version)', () => {
    expect(filter({ version: ['1.31', '1.10'] })).toEqual(['prod-web', 'stage-web']);
  });
});

describe('sortClusters', () => {
  it('sorts Kubernetes versions as numbers, both ways, with clusters lacking one last', () => {
    expect(names(sortClusters(fleet, 'version', 'asc'))).toEqual([
      'prod-api',
      'stage-web',
      'prod-web',
      'edge-onprem',
    ]);
    expect(names(sortClusters(fleet, 'version', 'desc'))).toEqual([
      'prod-web',
      'stage-web',
      'prod-api',
      'edge-onprem',
    ]);
  });

  it('sorts names naturally and leaves the input untouched', () => {
    const input = [...fleet];
    expect(names(sortClusters(input, 'name', 'asc'))).toEqual([
      'edge-onprem',
      'prod-api',
      'prod-web',
      'stage-web',
    ]);
    expect(input).toEqual(fleet);
  });

  it('sorts by creation time and breaks ties by name', () => {
    expect(names(sortClusters(fleet, 'created', 'desc'))).toEqual([
      'stage-web',
      'prod-api',
      'prod-web',
      'edge-onprem',
    ]);
  });

  it('sorts by account name', () => {
    expect(names(sortClusters(fleet, 'account', 'asc'))).toEqual([
      'prod-api',
      'prod-web',
      'edge-onprem',
      'stage-web',
    ]);
  });
});

describe('compareVersions', () => {
  it('orders minor versions numerically', () => {
    expect(['1.10', '1.9', '1.31', '1.2'].sort(compareVersions)).toEqual([
      '1.2',
      '1.9',
      '1.10',
      '1.31',
    ]);
  });
});
