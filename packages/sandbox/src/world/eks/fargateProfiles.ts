import { paginate, type Page, type PageRequest } from '../pagination.ts';
import { fargateProfileArn } from './arns.ts';
import { eksErrors } from './eksErrors.ts';
import type { EksClusterRecord, FargateProfileRecord } from './types.ts';

export interface FargateProfileSpec {
  name: string;
  uuid: string;
  createdAt: Date;
  podExecutionRoleArn: string;
  subnets: string[];
  selectors: FargateProfileRecord['selectors'];
  status?: FargateProfileRecord['status'];
  tags?: Record<string, string>;
}

export function newFargateProfile(
  cluster: EksClusterRecord,
  spec: FargateProfileSpec,
): FargateProfileRecord {
  return {
    name: spec.name,
    arn: fargateProfileArn(cluster.region, cluster.accountId, cluster.name, spec.name, spec.uuid),
    clusterName: cluster.name,
    createdAt: spec.createdAt,
    podExecutionRoleArn: spec.podExecutionRoleArn,
    subnets: [...spec.subnets],
    selectors: spec.selectors.map((selector) => ({
      namespace: selector.namespace,
      ...(selector.labels ? { labels: { ...selector.labels } } : {}),
    })),
    status: spec.status ?? 'ACTIVE',
    tags: { ...spec.tags },
    health: [],
  };
}

export function findFargateProfile(cluster: EksClusterRecord, name: string): FargateProfileRecord {
  const profile = cluster.fargateProfiles.get(name);
  if (!profile) throw eksErrors.fargateProfileNotFound(cluster.name, name);
  return profile;
}

export function listFargateProfileNames(
  cluster: EksClusterRecord,
  request: PageRequest,
): Page<string> {
  return paginate([...cluster.fargateProfiles.keys()], (name) => name, request);
}
