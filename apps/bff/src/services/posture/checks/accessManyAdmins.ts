import { clusterFailure, defineCheck } from '../check.ts';
import { clusterAdmins } from './access.ts';

const MOST_ADMINS = 3;

export const accessManyAdmins = defineCheck({
  id: 'ACCESS-MANY-ADMINS',
  title: `More than ${MOST_ADMINS} cluster admins`,
  severity: 'low',
  source:
    'CIS Amazon EKS Benchmark 4.1.1: Ensure that the cluster-admin role is only used where required',
  evaluate(facts) {
    if (!facts.accessEntries) return undefined;
    const found = clusterAdmins(facts.accessEntries);
    return clusterFailure(
      facts,
      found.length > MOST_ADMINS,
      `${found.length} principals hold AmazonEKSClusterAdminPolicy: ${found.map((f) => f.entry.principalArn).join(', ')}.`,
      `aws eks disassociate-access-policy --region ${facts.cluster.region} --cluster-name ${facts.cluster.name} --principal-arn <principal> --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
    );
  },
});
