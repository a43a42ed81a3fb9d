import { logTypeCheck } from './logType.ts';

export const auditLogOff = logTypeCheck('audit', {
  id: 'EKS-LOG-AUDIT',
  title: 'Kubernetes audit log off',
  severity: 'high',
  source: 'CIS Amazon EKS Benchmark 2.1.1: Enable audit logs',
});
