import { describe, expect, it } from 'vitest';
import {
  actionGroups,
  fromUtcInput,
  parseAuditFilters,
  serializeAuditFilters,
  toUtcInput,
} from './auditFilters.ts';

describe('audit filters in the URL', () => {
  it('groups the actions the console writes by area for the picker', () => {
    const groups = actionGroups();
    expect(groups.map((group) => group.label)).toEqual([
      'Sign-in',
      'Node groups',
      'Fargate profiles',
      'Clusters',
      'Connected clusters',
      'Access entries',
      'Access policies',
      'OIDC identity providers',
      'Pod Identity',
      'Dashboard tokens',
      'Workloads',
      'Pods',
      'Nodes',
      'Refused attempts',
    ]);
    expect(groups.find((group) => group.area === 'nodegroup')?.actions).toContain(
      'nodegroup.scale',
    );
  });

  it('drops outcomes and times the BFF would refuse', () => {
    const filters = parseAuditFilters(
      new URLSearchParams('outcome=maybe&from=yesterday&to=2024-05-02T10:00:00%2B02:00&user= ana '),
    );
    expect(filters).toEqual({
      user: 'ana',
      action: '',
      target: '',
      outcome: '',
      from: '',
      to: '2024-05-02T08:00:00.000Z',
      changesOnly: '',
    });
  });

  it('round-trips through the query string, leaving out empty filters', () => {
    const params = serializeAuditFilters({
      user: '',
      action: 'fargate.delete',
      target: 'prod',
      outcome: 'failure',
      from: '',
      to: '',
      changesOnly: 'true',
    });
    expect(params.toString()).toBe(
      'action=fargate.delete&target=prod&outcome=failure&changesOnly=true',
    );
    expect(parseAuditFilters(params).changesOnly).toBe('true');
    expect(parseAuditFilters(params).outcome).toBe('failure');
  });

  it('reads datetime inputs as UTC, like every time the console prints', () => {
    expect(fromUtcInput('2024-05-01T08:30')).toBe('2024-05-01T08:30:00.000Z');
    expect(toUtcInput('2024-05-01T08:30:00.000Z')).toBe('2024-05-01T08:30');
    expect(fromUtcInput('')).toBe('');
  });
});
