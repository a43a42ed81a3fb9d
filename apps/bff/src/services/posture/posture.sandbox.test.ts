import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostureFinding, PostureReport, Problem } from '@wheelhouse/contract';
import type { ConsoleClient } from '../../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../../testing/consoleOnSandbox.ts';

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
let operator: ConsoleClient;
const HOME = '123456789012';
const CHECKOUT = `/api/clusters/${HOME}/eu-west-1/checkout-eu`;
const SSO_ROLE = `arn:aws:iam::${HOME}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_PowerUserAccess_0123456789abcdef`;
const ADMIN_POLICY = 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy';

beforeAll(async () => {
  c = await startConsoleOnSandbox();
  auditor = await c.signIn('auditor');
  operator = await c.signIn('operator');
});
afterAll(() => c.close());

const findingsOf = (report: PostureReport, cluster: string, checkId: string): PostureFinding[] =>
  report.items.filter((item) => item.cluster === cluster && item.checkId === checkId);

describe('posture against the sandbox, through the real SDK', () => {
  it('scores every EKS cluster of the fleet and finds what the seed world got wrong', async () => {
    const report = await auditor.json<PostureReport>('/api/posture');
    expect(report.errors).toEqual([]);
    const scored = report.scores.map((score) => score.cluster);
    expect(scored).toContain('checkout-eu');
    // Connected clusters run their own control plane: EKS's checks do not judge them.
    expect(scored).not.toContain('gke-analytics');
    // The seed's known faults, each found on its resource...
    expect(findingsOf(report, 'legacy-billing', 'EKS-VERSION-UNSUPPORTED')).toHaveLength(1);
    expect(findingsOf(report, 'legacy-billing', 'EKS-AUTH-CONFIG-MAP')).toHaveLength(1);
    expect(findingsOf(report, 'qa-integration', 'NODES-PUBLIC-IP').map((f) => f.resource)).toEqual([
      'autoscaling-group/qa-integration-runners',
    ]);
    expect(findingsOf(report, 'legacy-billing', 'NODES-IMDSV1').map((f) => f.resource)).toEqual([
      'nodegroup/legacy-ng',
    ]);
    expect(findingsOf(report, 'ml-training', 'ADDON-DEGRADED').map((f) => f.resource)).toEqual([
      'addon/coredns',
    ]);
    // ...and the clusters set up well pass the same checks.
    expect(findingsOf(report, 'checkout-prod', 'ADDON-DEGRADED')).toEqual([]);
    expect(findingsOf(report, 'checkout-prod', 'NODES-IMDSV1')).toEqual([]);
    expect(findingsOf(report, 'checkout-prod', 'EKS-LOG-AUDIT')).toEqual([]);
    expect(findingsOf(report, 'checkout-prod', 'EKS-VERSION-UNSUPPORTED')).toEqual([]);
    const score = (name: string) => report.scores.find((s) => s.cluster === name)!.score;
    expect(score('legacy-billing')).toBeLessThan(score('checkout-prod'));
    for (const finding of report.items) expect(finding.remediation).toMatch(/^aws /);
  });

  it('finds cluster admin granted to a permission-set role, and clears it once the entry is gone', async () => {
    const created = await operator.request('POST', `${CHECKOUT}/access-entries`, {
      principalArn: SSO_ROLE,
      clientRequestToken: 'posture-test-1',
    });
    expect(created.status).toBe(201);
    const entry = `${CHECKOUT}/access-entries/${encodeURIComponent(SSO_ROLE)}`;
    const associated = await operator.request('POST', `${entry}/policies`, {
      policyArn: ADMIN_POLICY,
      scope: { type: 'cluster' },
    });
    expect(associated.status).toBe(200);

    // The change emptied the posture cache: the next read already shows it.
    const failing = await auditor.json<PostureReport>(`${CHECKOUT}/posture`);
    expect(findingsOf(failing, 'checkout-eu', 'ACCESS-WILDCARD-ADMIN')).toEqual([
      expect.objectContaining({
        resource: `access-entry/${SSO_ROLE}`,
        severity: 'critical',
        remediation: `aws eks delete-access-entry --region eu-west-1 --cluster-name checkout-eu --principal-arn ${SSO_ROLE}`,
      }),
    ]);

    const deleted = await operator.request('DELETE', entry, {
      confirmName: 'AWSReservedSSO_PowerUserAccess_0123456789abcdef',
    });
    expect(deleted.status).toBe(200);
    const passing = await auditor.json<PostureReport>(`${CHECKOUT}/posture`);
    expect(findingsOf(passing, 'checkout-eu', 'ACCESS-WILDCARD-ADMIN')).toEqual([]);
  });

  it('names a source that cannot be read and still judges the rest', async () => {
    c.sandbox!.faults.add({
      service: 'ec2',
      operation: 'DescribeLaunchTemplateVersions',
      region: 'us-east-1',
      errorCode: 'UnauthorizedOperation',
      errorStatus: 403,
      errorMessage: 'You are not authorized to perform this operation.',
    });
    try {
      const report = await auditor.json<PostureReport>(
        `/api/clusters/${HOME}/us-east-1/legacy-billing/posture`,
      );
      expect(report.errors).toEqual([
        expect.objectContaining({
          cluster: 'legacy-billing',
          code: 'UnauthorizedOperation',
          message: 'EC2 launch templates: You are not authorized to perform this operation.',
        }),
      ]);
      // The launch-template checks are skipped, not passed; the control-plane ones still fail.
      expect(findingsOf(report, 'legacy-billing', 'NODES-IMDSV1')).toEqual([]);
      expect(findingsOf(report, 'legacy-billing', 'EKS-VERSION-UNSUPPORTED')).toHaveLength(1);
      expect(report.scores[0]!.skipped).toBeGreaterThanOrEqual(2);
    } finally {
      c.sandbox!.faults.clear();
    }
  });

  it('refuses a cluster reference that is not one', async () => {
    const response = await auditor.request('GET', `/api/clusters/${HOME}/mars-east-1/x/posture`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).detail).toMatch(/^region: /);
  });
});
