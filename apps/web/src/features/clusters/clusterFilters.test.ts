import { describe, expect, it } from 'vitest';
import { ClusterStatus } from '@wheelhouse/contract';
import {
  CLUSTER_STATUSES,
  DEFAULT_FILTERS,
  clearFilters,
  hasActiveFilters,
  parseClusterFilters,
  serializeClusterFilters,
  type ClusterFilters,
} from './clusterFilters.ts';

const parse = (query: string) => parseClusterFilters(new URLSearchParams(query));

describe('parseClusterFilters', () => {
  it('reads every filter and the sort from a shared link', () => {
    expect(
      parse(
        'q=prod&region=eu-west-1&region=us-east-1&status=ACTIVE&version=1.31&account=111111111111&sort=version&dir=desc',
      ),
    ).toEqual({
      q: 'prod',
      region: ['eu-west-1', 'us-east-1'],
      status: ['ACTIVE'],
      version: ['1.31'],
      account: ['111111111111'],
      sort: 'version',
      dir: 'desc',
    });
  });

  it('gives the default view for an empty query', () => {
    expect(parse('')).toEqual(DEFAULT_FILTERS);
  });

  it('drops unknown statuses, sort keys and directions, and repeated values', () => {
    expect(
      parse('status=active&status=BOGUS&status=ACTIVE&region=a&region=a&sort=nope&dir=sideways'),
    ).toEqual({
      ...DEFAULT_FILTERS,
      status: ['ACTIVE'],
      region: ['a'],
    });
  });
});

describe('serializeClusterFilters', () => {
  it('writes parameters in a fixed order and leaves defaults out', () => {
    const filters: ClusterFilters = {
      ...DEFAULT_FILTERS,
      account: ['222222222222'],
      q: '  prod ',
      region: ['us-east-1'],
      sort: 'version',
      dir: 'desc',
    };
    expect(serializeClusterFilters(filters).toString()).toBe(
      'q=prod&region=us-east-1&account=222222222222&sort=version&dir=desc',
    );
    expect(serializeClusterFilters(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('keeps a descending sort by name (the default column, not the default direction)', () => {
    expect(serializeClusterFilters({ ...DEFAULT_FILTERS, dir: 'desc' }).toString()).toBe(
      'sort=name&dir=desc',
    );
  });

  it('round-trips through the URL', () => {
    const filters: ClusterFilters = {
      q: 'team=web',
      region: ['eu-west-1', 'us-east-1'],
      status: ['UPDATING', 'FAILED'],
      version: ['1.29'],
      account: ['111111111111'],
      sort: 'created',
      dir: 'asc',
    };
    expect(parseClusterFilters(serializeClusterFilters(filters))).toEqual(filters);
  });
});

describe('filter state helpers', () => {
  it('counts text and facets as filters but not sorting', () => {
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, sort: 'region', dir: 'desc' })).toBe(false);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, q: 'x' })).toBe(true);
    expect(hasActiveFilters({ ...DEFAULT_FILTERS, version: ['1.30'] })).toBe(true);
  });

  it('clears filters but keeps the sort', () => {
    const cleared = clearFilters({
      ...DEFAULT_FILTERS,
      q: 'x',
      region: ['a'],
      sort: 'status',
      dir: 'desc',
    });
    expect(cleared).toEqual({ ...DEFAULT_FILTERS, sort: 'status', dir: 'desc' });
  });

  it('knows every status of the contract', () => {
    expect([...CLUSTER_STATUSES].sort()).toEqual([...ClusterStatus.options].sort());
  });
});
