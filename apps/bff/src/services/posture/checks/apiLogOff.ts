import { logTypeCheck } from './logType.ts';

export const apiLogOff = logTypeCheck('api', {
  id: 'EKS-LOG-API',
  title: 'API server log off',
  severity: 'low',
  source: 'EKS Best Practices, Security — Detective controls: enable control plane logs',
});
