import { describe, expect, it } from 'vitest';
import {
  KUBERNETES_VERSIONS,
  defaultVersion,
  findVersion,
  nextMinor,
  releasedVersions,
  versionStatus,
} from './versionCalendar.ts';
import { describeClusterVersions } from './eks/clusterVersions.ts';

const TODAY = new Date('2026-11-26T12:00:00Z');
const statusOf = (version: string, now = TODAY) => versionStatus(findVersion(version)!, now);

describe('Kubernetes version calendar', () => {
  it('uses EKS release dates and the 14 + 12 month support policy', () => {
    const v129 = findVersion('1.29')!;
    expect(v129.releaseDate.toISOString()).toBe('2024-01-23T00:00:00.000Z');
    expect(v129.endOfStandardSupportDate.toISOString()).toBe('2025-03-23T00:00:00.000Z');
    expect(v129.endOfExtendedSupportDate.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(findVersion('1.34')!.releaseDate.toISOString()).toBe('2025-10-02T00:00:00.000Z');
  });

  it('derives each version status from the date: on 2026-11-26 1.32-1.33 are extended, 1.31 and older unsupported', () => {
    expect(statusOf('1.36')).toBe('STANDARD_SUPPORT');
    expect(statusOf('1.34')).toBe('STANDARD_SUPPORT');
    expect(statusOf('1.33')).toBe('EXTENDED_SUPPORT');
    expect(statusOf('1.32')).toBe('EXTENDED_SUPPORT');
    expect(statusOf('1.31')).toBe('UNSUPPORTED');
    expect(statusOf('1.29')).toBe('UNSUPPORTED');
    // A week later 1.34 leaves standard support (2025-10-02 + 14 months).
    expect(statusOf('1.34', new Date('2026-12-03T00:00:00Z'))).toBe('EXTENDED_SUPPORT');
  });

  it('knows only released versions and picks the newest as default', () => {
    expect(releasedVersions(new Date('2026-01-01T00:00:00Z')).at(-1)!.version).toBe('1.34');
    expect(defaultVersion(TODAY).version).toBe('1.36');
    expect(nextMinor('1.33')).toBe('1.34');
    expect(KUBERNETES_VERSIONS.map((entry) => entry.version)).toContain('1.23');
  });
});

describe('DescribeClusterVersions', () => {
  it('lists supported versions newest first by default and all of them with includeAll', () => {
    const page = describeClusterVersions(TODAY, {});
    expect(page.items.map((entry) => entry.clusterVersion)).toEqual([
      '1.36',
      '1.35',
      '1.34',
      '1.33',
      '1.32',
    ]);
    expect(page.items.every((entry) => entry.versionStatus !== 'UNSUPPORTED')).toBe(true);
    const all = describeClusterVersions(TODAY, { includeAll: true });
    expect(all.items.map((entry) => entry.clusterVersion)).toContain('1.29');
    expect(all.items.find((entry) => entry.clusterVersion === '1.29')).toMatchObject({
      versionStatus: 'UNSUPPORTED',
      status: 'unsupported',
      kubernetesPatchVersion: '1.29.15',
    });
  });

  it('filters by versionStatus, by clusterVersions and by default-only', () => {
    const extended = describeClusterVersions(TODAY, { versionStatus: 'EXTENDED_SUPPORT' });
    expect(extended.items.map((entry) => entry.clusterVersion)).toEqual(['1.33', '1.32']);
    const named = describeClusterVersions(TODAY, { clusterVersions: ['1.30', '1.35'] });
    expect(named.items.map((entry) => entry.clusterVersion)).toEqual(['1.35', '1.30']);
    const defaults = describeClusterVersions(TODAY, { defaultOnly: true });
    expect(defaults.items).toHaveLength(1);
    expect(defaults.items[0]).toMatchObject({ clusterVersion: '1.36', defaultVersion: true });
  });

  it('pages with an opaque token and rejects a bad versionStatus', () => {
    const first = describeClusterVersions(TODAY, { includeAll: true, maxResults: 5 });
    expect(first.items).toHaveLength(5);
    const second = describeClusterVersions(TODAY, {
      includeAll: true,
      maxResults: 5,
      nextToken: first.nextToken!,
    });
    expect(second.items[0]!.clusterVersion).toBe('1.31');
    expect(() => describeClusterVersions(TODAY, { versionStatus: 'OLD' })).toThrow(
      expect.objectContaining({ code: 'InvalidParameterException' }),
    );
  });
});
