import { describe, expect, it } from 'vitest';
import {
  barName,
  clustersLink,
  compareVersionsDesc,
  statusRows,
  supportText,
  supportTone,
  versionLegend,
  versionRows,
} from './dashboardView.ts';
import { versionSupportView } from '../../components/versionSupport.ts';

const now = Date.parse('2026-12-03T12:00:00Z');

describe('dashboardView', () => {
  it('orders statuses as people scan them and links each to the filtered list', () => {
    const rows = statusRows({ FAILED: 1, ACTIVE: 12, PENDING: 1, UPDATING: 2, NEWSTATE: 1 });
    expect(rows.map((row) => [row.label, row.to])).toEqual([
      ['Active', '/clusters?status=ACTIVE'],
      ['Updating', '/clusters?status=UPDATING'],
      ['Failed', '/clusters?status=FAILED'],
      ['Pending', '/clusters?status=PENDING'],
      ['Newstate', '/clusters?status=NEWSTATE'],
    ]);
    expect(barName(rows[0]!)).toBe('Active: 12 clusters');
  });

  it('sorts versions as numbers, newest first, coloured by support', () => {
    expect(['1.9', '1.30', '1.10'].sort(compareVersionsDesc)).toEqual(['1.30', '1.10', '1.9']);
    const rows = versionRows(
      { '1.30': 1, '1.34': 6, '1.36': 2 },
      [
        { accountId: 'a', region: 'r', name: 'x', version: '1.30', status: 'UNSUPPORTED' },
        {
          accountId: 'a',
          region: 'r',
          name: 'y',
          version: '1.34',
          status: 'STANDARD_SUPPORT',
          endOfStandardSupport: '2026-12-20T00:00:00.000Z',
        },
      ],
      now,
    );
    expect(rows.map((row) => [row.label, row.tone])).toEqual([
      ['1.36', 'info'],
      ['1.34', 'warning'],
      ['1.30', 'danger'],
    ]);
    expect(versionLegend(rows).map((entry) => entry.label)).toEqual([
      'supported',
      'extended support, or support ends within 90 days',
      'unsupported, or extended support ends within 90 days',
    ]);
    expect(versionLegend(rows.slice(0, 1)).map((entry) => entry.tone)).toEqual(['info']);
  });

  it('words and colours support as the clusters list does', () => {
    const legacy = {
      accountId: 'a',
      region: 'r',
      name: 'legacy-billing',
      version: '1.30',
      status: 'UNSUPPORTED' as const,
      endOfStandardSupport: '2025-07-23T00:00:00.000Z',
      endOfExtendedSupport: '2026-07-23T00:00:00.000Z',
    };
    expect(supportText(legacy, now)).toEqual({
      deadline: 'unsupported since 2026-07-23',
      days: '133 days ago',
    });
    // The chip of the clusters list reads the same date the same way.
    expect(versionSupportView(legacy, now)).toMatchObject({
      label: 'unsupported',
      detail: 'since 2026-07-23',
    });
    const soon = {
      accountId: 'a',
      region: 'r',
      name: 'soon',
      version: '1.34',
      status: 'STANDARD_SUPPORT' as const,
      endOfStandardSupport: '2026-12-04T00:00:00.000Z',
    };
    expect(supportText(soon, now)).toEqual({
      deadline: 'standard support until 2026-12-04',
      days: '1 day left',
    });
    expect(supportTone(soon, now)).toBe('warning');
    // A year of extended support left is amber, not alarm-red.
    const extended = {
      ...soon,
      status: 'EXTENDED_SUPPORT' as const,
      endOfExtendedSupport: '2027-12-02T00:00:00.000Z',
    };
    expect(supportText(extended, now).days).toBe('364 days left');
    expect(supportTone(extended, now)).toBe('warning');
    expect(
      supportTone({ ...extended, endOfExtendedSupport: '2027-02-01T00:00:00.000Z' }, now),
    ).toBe('danger');
  });

  it('builds filtered list links with repeated parameters', () => {
    expect(clustersLink({})).toBe('/clusters');
    expect(clustersLink({ version: ['1.30', '1.29'] })).toBe('/clusters?version=1.30&version=1.29');
  });
});
