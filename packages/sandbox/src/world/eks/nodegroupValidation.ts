import type { SubnetRecord } from '../world.ts';
import { minorOf } from '../versionCalendar.ts';
import { eksErrors } from './eksErrors.ts';
import { labelValueProblem, qualifiedNameProblem } from './kubernetesLabels.ts';
import { PUBLISHED_AMI_BUILDS, releaseVersionFor } from './nodegroups.ts';
import type { EksClusterRecord, NodegroupRecord, ScalingConfig, Taint } from './types.ts';

/** Checks EKS applies to node group requests, with its error codes and wording. */

export const TAINT_EFFECTS = ['NO_SCHEDULE', 'NO_EXECUTE', 'PREFER_NO_SCHEDULE'] as const;
export const MAX_LABELS = 50;
export const MAX_TAINTS = 50;
/** EKS's quota of nodes per managed node group. */
export const MAX_NODES = 450;
/** EKS's quota of managed node groups per cluster. */
export const MAX_NODEGROUPS = 30;

/** A taint as requests carry it: members may be missing or wrong. */
export interface TaintInput {
  key?: string;
  value?: string;
  effect?: string;
}

type Fields = Record<string, string>;

/** 0 ≤ min ≤ desired ≤ max, 1 ≤ max ≤ 450. */
export function validateScaling(
  scaling: ScalingConfig,
  fields: Fields,
  operation: 'create' | 'update' = 'update',
): void {
  const { minSize, maxSize, desiredSize } = scaling;
  for (const [member, value] of Object.entries(scaling)) {
    if (!Number.isInteger(value) || value < 0) {
      throw eksErrors.invalidParameter(
        `${member} must be a whole number greater than or equal to 0, got ${value}.`,
        fields,
      );
    }
  }
  if (maxSize < 1)
    throw eksErrors.invalidParameter(`Maximum capacity ${maxSize} can't be less than 1`, fields);
  if (maxSize > MAX_NODES) {
    throw eksErrors.invalidParameter(
      `Maximum capacity ${maxSize} exceeds the limit of ${MAX_NODES} nodes per managed node group`,
      fields,
    );
  }
  // CreateNodegroup names the members; UpdateNodegroupConfig words it with the numbers.
  if (minSize > desiredSize) {
    throw eksErrors.invalidParameter(
      operation === 'create'
        ? "minSize can't be greater than desiredSize"
        : `Minimum capacity ${minSize} can't be greater than desired size ${desiredSize}`,
      fields,
    );
  }
  if (desiredSize > maxSize) {
    throw eksErrors.invalidParameter(
      operation === 'create'
        ? "desiredSize can't be greater than maxSize"
        : `Desired capacity ${desiredSize} can't be greater than max size ${maxSize}`,
      fields,
    );
  }
}

/** Kubernetes label syntax for every key and value, and at most 50 labels in the result. */
export function validateLabels(labels: Record<string, string>, fields: Fields): void {
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem)
      throw eksErrors.invalidParameter(`Label key '${key}' is invalid: ${keyProblem}`, fields);
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      throw eksErrors.invalidParameter(
        `Label value '${value}' of key '${key}' is invalid: ${valueProblem}`,
        fields,
      );
    }
  }
  if (Object.keys(labels).length > MAX_LABELS) {
    throw eksErrors.invalidParameter(
      `A node group can have at most ${MAX_LABELS} Kubernetes labels; this change leaves ${Object.keys(labels).length}.`,
      fields,
    );
  }
}

/** Key, value and effect of each taint; `what` names the member in messages. */
export function toTaints(input: TaintInput[] | undefined, fields: Fields): Taint[] {
  return (input ?? []).map((taint) => {
    if (!taint.key) throw eksErrors.invalidParameter('Taint key is required.', fields);
    const keyProblem = qualifiedNameProblem(taint.key);
    if (keyProblem)
      throw eksErrors.invalidParameter(
        `Taint key '${taint.key}' is invalid: ${keyProblem}`,
        fields,
      );
    if (taint.value !== undefined) {
      const valueProblem = labelValueProblem(taint.value);
      if (valueProblem) {
        throw eksErrors.invalidParameter(
          `Taint value '${taint.value}' of key '${taint.key}' is invalid: ${valueProblem}`,
          fields,
        );
      }
    }
    if (!(TAINT_EFFECTS as readonly string[]).includes(taint.effect ?? '')) {
      throw eksErrors.invalidParameter(
        `1 validation error detected: Value '${taint.effect ?? 'null'}' at 'taint.effect' failed to satisfy constraint: Member must satisfy enum value set: [${TAINT_EFFECTS.join(', ')}]`,
        fields,
      );
    }
    return {
      key: taint.key,
      ...(taint.value !== undefined ? { value: taint.value } : {}),
      effect: taint.effect as Taint['effect'],
    };
  });
}

export function validateTaintCount(taints: Taint[], fields: Fields): void {
  if (taints.length > MAX_TAINTS) {
    throw eksErrors.invalidParameter(
      `A node group can have at most ${MAX_TAINTS} taints; this change leaves ${taints.length}.`,
      fields,
    );
  }
}

/** A key may not be added and removed by the same request. */
export function rejectAddAndRemove(
  kind: 'label' | 'taint',
  added: string[],
  removed: string[],
  fields: Fields,
): void {
  const both = added.filter((key) => removed.includes(key));
  if (both.length > 0) {
    throw eksErrors.invalidParameter(
      `The ${kind} key${both.length > 1 ? 's' : ''} ${both.map((key) => `'${key}'`).join(', ')} cannot be both added and removed in the same request.`,
      fields,
    );
  }
}

/** Node groups may run the cluster's version or up to three minors older (Kubernetes' kubelet skew). */
export function validateNodegroupVersion(
  cluster: EksClusterRecord,
  version: string,
  fields: Fields,
): void {
  const clusterMinor = minorOf(cluster.version)!;
  const minor = minorOf(version);
  if (minor === undefined || minor > clusterMinor || minor < clusterMinor - 3) {
    throw eksErrors.invalidParameter(
      `Requested Nodegroup version ${version} is invalid. Allowed versions are ${cluster.version} down to 1.${clusterMinor - 3}.`,
      fields,
    );
  }
}

/** A release version ("1.34.2-20251120") must belong to the Kubernetes version. */
export function validateReleaseVersion(
  releaseVersion: string,
  version: string,
  fields: Fields,
): void {
  // Only a published build of this Kubernetes version's AMI: an invented one is refused.
  const published = PUBLISHED_AMI_BUILDS.some(
    (build) => releaseVersionFor(version, build) === releaseVersion,
  );
  if (!published) {
    throw eksErrors.invalidParameter(
      `Requested release version ${releaseVersion} is not valid for kubernetes version ${version}.`,
      fields,
    );
  }
}

/** EKS never rolls a node group back to an older AMI release of the same Kubernetes version. */
export function validateNoReleaseRollback(
  releaseVersion: string,
  current: NodegroupRecord,
  version: string,
  fields: Fields,
): void {
  if (version !== current.version) return;
  const build = (release: string) => release.split('-').pop() ?? '';
  if (build(releaseVersion) < build(current.releaseVersion)) {
    throw eksErrors.invalidParameter(
      `Requested release version ${releaseVersion} is older than the nodegroup's current release version ${current.releaseVersion}.`,
      fields,
    );
  }
}

/** Every subnet must exist in the region's VPC (EC2's wording, which EKS passes on). */
export function validateNodegroupSubnets(
  subnetIds: string[],
  subnets: SubnetRecord[],
  fields: Fields,
): void {
  if (subnetIds.length === 0)
    throw eksErrors.invalidParameter('At least one subnet is required.', fields);
  const missing = subnetIds.find((id) => !subnets.some((subnet) => subnet.id === id));
  if (missing)
    throw eksErrors.invalidParameter(`The subnet ID '${missing}' does not exist`, fields);
}
