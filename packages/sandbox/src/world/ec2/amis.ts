import { seededRandom } from '../random.ts';

/**
 * EKS-optimized AMIs, faked deterministically: one image id per (region, AMI
 * type, Kubernetes version, release version), so a version update visibly
 * changes every replaced instance's ImageId and a restart shows the same ids.
 */
export function eksAmiId(
  region: string,
  amiType: string,
  version: string,
  releaseVersion: string,
): string {
  return `ami-0${seededRandom(`ami:${region}:${amiType}:${version}:${releaseVersion}`).hex(16)}`;
}

/** ARM AMI types (AL2_ARM_64, AL2023_ARM_64_STANDARD, BOTTLEROCKET_ARM_64, ...) run arm64. */
export function architectureOfAmiType(amiType: string): 'arm64' | 'x86_64' {
  return /ARM_64/.test(amiType) ? 'arm64' : 'x86_64';
}

/** Graviton families carry a "g" after the generation (m7g, c6gn, t4g); GPU "g5" does not. */
export function architectureOfInstanceType(instanceType: string): 'arm64' | 'x86_64' {
  return /^[a-z]+\d+g[a-z]*\./.test(instanceType) ? 'arm64' : 'x86_64';
}
