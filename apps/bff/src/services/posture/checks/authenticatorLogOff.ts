import { logTypeCheck } from './logType.ts';

export const authenticatorLogOff = logTypeCheck('authenticator', {
  id: 'EKS-LOG-AUTHENTICATOR',
  title: 'Authenticator log off',
  severity: 'medium',
  source:
    'EKS Best Practices, Security — Detective controls: enable the authenticator log to see which IAM principal signed in',
});
