import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterCompute, PostureReport } from '@wheelhouse/contract';
import type { ConsoleClient } from '../testing/consoleClient.ts';
import { startConsoleOnSandbox } from '../testing/consoleOnSandbox.ts';

/**
 * AMI drift through the AWS SDK against the sandbox's SSM: the seed runs checkout-prod's arm-workers
 * on the newest AMI release (20261118), general-od on 20251120 (six releases later), and
 * legacy-billing's AL2 group on 20250920.
 */

let c: Awaited<ReturnType<typeof startConsoleOnSandbox>>;
let auditor: ConsoleClient;
const HOME = '123456789012';
const cluster = (region: string, name: string) => `/api/clusters/${HOME}/${region}/${name}`;

beforeAll(async () => {
  c = await startConsoleOnSandbox({ speed: 100 });
  auditor = await c.signIn('auditor');
});
afterAll(() => c.close());

describe('AMI drift on the Compute tab', () => {
  // First in this file: SSM's answers are cached per region, so this region must not have been read yet.
  it('keeps the node groups when SSM fails: no drift fields, the error listed', async () => {
    c.sandbox!.faults.add({
      service: 'ssm',
      operation: 'GetParametersByPath',
      errorCode: 'AccessDeniedException',
      errorStatus: 400,
      errorMessage: 'User is not authorized to perform: ssm:GetParametersByPath',
    });
    try {
      const compute = await auditor.json<ClusterCompute>(
        `${cluster('eu-west-1', 'ml-training')}/compute`,
      );
      expect(compute.nodegroups.map((ng) => ng.name)).toEqual(['cpu', 'gpu']);
      expect(compute.nodegroups.every((ng) => ng.amiDrift === undefined)).toBe(true);
      expect(compute.selfManaged.every((group) => group.amiBehind === undefined)).toBe(true);
      expect(compute.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'AccessDeniedException',
            message:
              'SSM AMI releases (node groups): User is not authorized to perform: ssm:GetParametersByPath',
          }),
        ]),
      );
    } finally {
      c.sandbox!.faults.clear();
    }
    const recovered = await auditor.json<ClusterCompute>(
      `${cluster('eu-west-1', 'ml-training')}/compute`,
    );
    expect(recovered.errors).toEqual([]);
    expect(recovered.nodegroups.find((ng) => ng.name === 'gpu')?.amiDrift).toMatchObject({
      status: 'behind',
      amiType: 'AL2023_x86_64_NVIDIA',
      latestReleaseVersion: '1.32.9-20261118',
    });
  });

  it('tells each managed node group how many releases and days it is behind', async () => {
    const compute = await auditor.json<ClusterCompute>(
      `${cluster('us-east-1', 'checkout-prod')}/compute`,
    );
    expect(compute.errors).toEqual([]);
    const drift = Object.fromEntries(compute.nodegroups.map((ng) => [ng.name, ng.amiDrift]));
    expect(drift['arm-workers']).toEqual({
      status: 'latest',
      amiType: 'AL2023_ARM_64_STANDARD',
      releaseVersion: '1.34.2-20261118',
      latestReleaseVersion: '1.34.2-20261118',
      latestReleasedAt: '2026-11-20T18:00:00.000Z',
      releasesBehind: 0,
      daysBehind: 0,
    });
    expect(drift['general-od']).toMatchObject({
      status: 'behind',
      releaseVersion: '1.34.2-20251120',
      latestReleaseVersion: '1.34.2-20261118',
      releasesBehind: 6,
      daysBehind: 363,
    });

    // The half-updated self-managed group: one instance on 20251020, two on 20251120.
    const [legacy] = compute.selfManaged;
    expect(legacy!.amiBehind?.map((entry) => entry.releasesBehind).sort()).toEqual([6, 6, 7]);
    expect(legacy!.amiBehind?.find((entry) => entry.releasesBehind === 7)).toMatchObject({
      release: 'amazon-eks-node-al2023-x86_64-standard-1.34-v20251020',
      daysBehind: 394,
    });
  });

  it('answers Bottlerocket from its own parameters, and "unknown" for AL2 where AWS publishes none', async () => {
    const platform = await auditor.json<ClusterCompute>(
      `${cluster('us-east-1', 'platform-tools')}/compute`,
    );
    expect(platform.nodegroups[0]!.amiDrift).toMatchObject({
      status: 'behind',
      amiType: 'BOTTLEROCKET_x86_64',
      latestReleaseVersion: '1.33.5-20261118',
      releasesBehind: 6,
    });
    const legacy = await auditor.json<ClusterCompute>(
      `${cluster('us-east-1', 'legacy-billing')}/compute`,
    );
    expect(legacy.nodegroups[0]!.amiDrift).toMatchObject({
      status: 'behind',
      amiType: 'AL2_x86_64',
      releaseVersion: '1.30.14-20250920',
      releasesBehind: 8,
    });
  });

  it('fails NODEGROUP-AMI-BEHIND for the lagging groups only', async () => {
    const report = await auditor.json<PostureReport>(
      `${cluster('us-east-1', 'checkout-prod')}/posture`,
    );
    const findings = report.items.filter((item) => item.checkId === 'NODEGROUP-AMI-BEHIND');
    expect(findings.map((finding) => finding.resource).sort()).toEqual([
      'nodegroup/general-od',
      'nodegroup/spot-burst',
    ]);
    expect(findings[0]).toMatchObject({
      severity: 'medium',
      remediation: expect.stringMatching(
        /^aws eks update-nodegroup-version --region us-east-1 --cluster-name checkout-prod --nodegroup-name /,
      ),
    });
    // dev-sandbox's only group runs the newest release: the check is evaluated and passes.
    const dev = `/api/clusters/${c.sandbox!.accounts[1]!.id}/us-east-1/dev-sandbox`;
    const devCompute = await auditor.json<ClusterCompute>(`${dev}/compute`);
    expect(devCompute.nodegroups[0]!.amiDrift?.status).toBe('latest');
    const devReport = await auditor.json<PostureReport>(`${dev}/posture`);
    expect(devReport.errors).toEqual([]);
    expect(devReport.items.filter((item) => item.checkId === 'NODEGROUP-AMI-BEHIND')).toEqual([]);
  });
});
