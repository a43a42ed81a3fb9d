import { describe, expect, it } from 'vitest';
import {
  clustersLink,
  compareVersionsDesc,
  statusRows,
  supportText,
  supportTone,
  versionRows,
} from './dashboardView.ts';

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
    expect(rows[0]?.name).toBe('Active: 12 clusters');
  });

  it('sorts versions as numbers, newest first, coloured by support', () => {
    expect(['1.9', '1.30', '1.10'].sort(compareVersionsDesc)).toEqual(['1.30', '1.10', '1.9']);
    const rows = versionRows({ '1.30': 1, '1.34': 6, '1.36': 2 }, [
      { accountId: 'a', region: 'r', name: 'x', version: '1.30', status: 'UNSUPPORTED' },
      { accountId: 'a', region: 'r', name: 'y', version: '1.34', status: 'STANDARD_SUPPORT' },
    ]);
    expect(rows.map((row) => [row.label, row.tone])).toEqual([
      ['1.36', 'info'],
      ['1.34', 'warning'],
      ['1.30', 'danger'],
    ]);
  });

  it('says which support ends when, and how many days are left or gone', () => {
    expect(
      supportText({
        accountId: 'a',
        region: 'r',
        name: 'legacy',
        version: '1.30',
        status: 'UNSUPPORTED',
        endOfStandardSupport: '2025-07-23T00:00:00.000Z',
        endOfExtendedSupport: '2026-07-23T00:00:00.000Z',
        daysLeft: -492,
      }),
    ).toEqual({
      deadline: 'unsupported; standard support ended 2025-07-23',
      days: '492 days ago',
    });
    expect(
      supportText({
        accountId: 'a',
        region: 'r',
        name: 'soon',
        version: '1.34',
        status: 'STANDARD_SUPPORT',
        endOfStandardSupport: '2026-12-02T00:00:00.000Z',
        daysLeft: 1,
      }),
    ).toEqual({ deadline: 'standard support ends 2026-12-02', days: '1 day left' });
    expect(supportTone({ status: 'EXTENDED_SUPPORT' })).toBe('danger');
    expect(supportTone({ status: 'STANDARD_SUPPORT' })).toBe('warning');
  });

  it('builds filtered list links with repeated parameters', () => {
    expect(clustersLink({})).toBe('/clusters');
    expect(clustersLink({ version: ['1.30', '1.29'] })).toBe('/clusters?version=1.30&version=1.29');
  });
});
