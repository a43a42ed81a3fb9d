import { describe, expect, it } from 'vitest';
import type { PostureFinding } from '@wheelhouse/contract';
import {
  findingHref,
  findingsCsv,
  parsePostureFilters,
  selectFindings,
  serializePostureFilters,
} from './postureFindings.ts';

const finding = (over: Partial<PostureFinding>): PostureFinding => ({
  checkId: 'EKS-LOG-AUDIT',
  severity: 'high',
  accountId: '123456789012',
  region: 'eu-west-1',
  cluster: 'checkout-eu',
  resource: 'cluster/checkout-eu',
  title: 'Kubernetes audit log off',
  detail: 'The audit log of the control plane is off.',
  remediation: 'aws eks update-cluster-config --name checkout-eu',
  source: 'CIS 2.1.1',
  ...over,
});

describe('posture findings', () => {
  it('keeps its filters in the URL and reads them back', () => {
    const filters = {
      severities: ['critical' as const, 'high' as const],
      checks: ['NODES-IMDSV1'],
      text: 'prod',
    };
    const params = serializePostureFilters(filters);
    expect(params.toString()).toBe('severity=critical&severity=high&check=NODES-IMDSV1&q=prod');
    expect(parsePostureFilters(new URLSearchParams(params.toString()))).toEqual(filters);
    expect(parsePostureFilters(new URLSearchParams('severity=bogus')).severities).toEqual([]);
  });

  it('selects by severity, check and name, worst first', () => {
    const items = [
      finding({ severity: 'low', checkId: 'EKS-LOG-API', cluster: 'a' }),
      finding({ severity: 'critical', checkId: 'EKS-VERSION-UNSUPPORTED', cluster: 'legacy' }),
      finding({ severity: 'high', cluster: 'b', resource: 'nodegroup/spot' }),
    ];
    const all = selectFindings(items, { severities: [], checks: [], text: '' });
    expect(all.map((f) => f.severity)).toEqual(['critical', 'high', 'low']);
    expect(
      selectFindings(items, { severities: ['high', 'low'], checks: [], text: '' }),
    ).toHaveLength(2);
    expect(
      selectFindings(items, { severities: [], checks: ['EKS-LOG-API'], text: '' }),
    ).toHaveLength(1);
    expect(selectFindings(items, { severities: [], checks: [], text: 'SPOT' })[0]?.cluster).toBe(
      'b',
    );
  });

  it('links each finding to the page that shows its resource', () => {
    expect(findingHref(finding({}))).toBe('/clusters/123456789012/eu-west-1/checkout-eu');
    expect(findingHref(finding({ resource: 'nodegroup/spot burst' }))).toBe(
      '/clusters/123456789012/eu-west-1/checkout-eu/nodegroups/spot%20burst',
    );
    expect(findingHref(finding({ resource: 'access-entry/arn:aws:iam::1:role/x' }))).toBe(
      '/clusters/123456789012/eu-west-1/checkout-eu?tab=access',
    );
    expect(findingHref(finding({ resource: 'fargate-profile/jobs' }))).toBe(
      '/clusters/123456789012/eu-west-1/checkout-eu?tab=compute',
    );
  });

  it('exports CSV with every field quoted and formulas defused', () => {
    const csv = findingsCsv([
      finding({ detail: 'say "hi", twice', remediation: '=HYPERLINK("x")' }),
    ]);
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe(
      'severity,checkId,title,accountId,region,cluster,resource,detail,remediation,source',
    );
    expect(row).toContain('"say ""hi"", twice"');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
