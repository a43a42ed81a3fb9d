import type { ClusterFacts } from '../facts.ts';
import { clusterArgs } from '../check.ts';

/** The minor version after the cluster's, the one an upgrade goes to (EKS moves one at a time). */
export function nextVersion(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${(minor ?? 0) + 1}`;
}

export const upgradeCommand = (facts: ClusterFacts) =>
  `aws eks update-cluster-version ${clusterArgs(facts)} --kubernetes-version ${nextVersion(facts.cluster.version ?? '')}`;

export const daysUntil = (date: string | undefined, now: Date) =>
  date ? Math.floor((Date.parse(date) - now.getTime()) / 86_400_000) : undefined;
