import type { PostureCheck } from '@wheelhouse/contract';
import type { ClusterFacts } from './facts.ts';

/** One resource that fails a check. */
export interface Failure {
  resource: string;
  detail: string;
  remediation: string;
}

/**
 * A posture check. `evaluate` answers the failures (none: passed), or `undefined` when the check does
 * not apply to the cluster or what it reads could not be read: a skipped check neither passes nor fails.
 */
export interface PostureCheckDef extends PostureCheck {
  evaluate(facts: ClusterFacts): Failure[] | undefined;
}

export const defineCheck = (check: PostureCheckDef): PostureCheckDef => check;

/** `--region R --name N`, the cluster arguments of `aws eks` commands that take `--name`. */
export const clusterArgs = (facts: ClusterFacts) =>
  `--region ${facts.cluster.region} --name ${facts.cluster.name}`;

/** `--region R --cluster-name N`, for the commands that name the cluster that way. */
export const clusterNameArgs = (facts: ClusterFacts) =>
  `--region ${facts.cluster.region} --cluster-name ${facts.cluster.name}`;

export const clusterResource = (facts: ClusterFacts) => `cluster/${facts.cluster.name}`;

/** Failing the cluster itself when `failed` holds. */
export const clusterFailure = (
  facts: ClusterFacts,
  failed: boolean,
  detail: string,
  remediation: string,
): Failure[] => (failed ? [{ resource: clusterResource(facts), detail, remediation }] : []);

/** Checks about the control plane do not apply to connected clusters (EKS does not run theirs). */
export const eksManaged = (facts: ClusterFacts) => !facts.cluster.connected;
