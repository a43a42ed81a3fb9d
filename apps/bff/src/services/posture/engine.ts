import {
  SEVERITY_WEIGHT,
  type PostureCheck,
  type PostureFinding,
  type PostureScore,
} from '@wheelhouse/contract';
import type { PostureCheckDef } from './check.ts';
import type { ClusterFacts } from './facts.ts';

export interface ClusterPosture {
  findings: PostureFinding[];
  score: PostureScore;
}

/**
 * Runs every check on one cluster. The score is the share of the applicable checks' weight that
 * passed: a cluster failing one critical check scores lower than one failing three low ones.
 */
export function evaluatePosture(
  facts: ClusterFacts,
  checks: readonly PostureCheckDef[],
): ClusterPosture {
  const { accountId, region, name } = facts.cluster;
  const findings: PostureFinding[] = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let total = 0;
  let earned = 0;
  for (const check of checks) {
    const failures = check.evaluate(facts);
    if (failures === undefined) {
      skipped += 1;
      continue;
    }
    const weight = SEVERITY_WEIGHT[check.severity];
    total += weight;
    if (failures.length === 0) {
      passed += 1;
      earned += weight;
      continue;
    }
    failed += 1;
    for (const failure of failures) {
      findings.push({
        checkId: check.id,
        severity: check.severity,
        accountId,
        region,
        cluster: name,
        title: check.title,
        source: check.source,
        ...failure,
      });
    }
  }
  const score = total === 0 ? 100 : Math.round((100 * earned) / total);
  return {
    findings,
    score: { accountId, region, cluster: name, score, passed, failed, skipped },
  };
}

export const describeChecks = (checks: readonly PostureCheckDef[]): PostureCheck[] =>
  checks.map(({ id, title, severity, source }) => ({ id, title, severity, source }));
