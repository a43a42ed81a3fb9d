import { clusterFailure, clusterNameArgs, defineCheck, eksManaged } from '../check.ts';

export const secretsNotEncrypted = defineCheck({
  id: 'EKS-SECRETS-KMS',
  title: 'Secrets not encrypted with a KMS key',
  severity: 'high',
  source:
    'CIS Amazon EKS Benchmark 5.3.1: Ensure Kubernetes Secrets are encrypted using Customer Master Keys (CMKs) managed in AWS KMS',
  evaluate(facts) {
    if (!eksManaged(facts)) return undefined;
    return clusterFailure(
      facts,
      !facts.cluster.secretsEncryption,
      'Kubernetes secrets are stored without envelope encryption by a KMS key of yours.',
      `aws eks associate-encryption-config ${clusterNameArgs(facts)} --encryption-config '[{"resources":["secrets"],"provider":{"keyArn":"<your KMS key ARN>"}}]'`,
    );
  },
});
