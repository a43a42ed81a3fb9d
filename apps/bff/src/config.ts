import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AccountId, Region } from '@wheelhouse/contract';

const RoleArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN');

/** One account of the fleet: reached with the console's own credentials, a role to assume, or a profile. */
const AccountConfig = z
  .object({
    name: z.string().min(1).optional(),
    id: AccountId.optional(),
    /** Role the console assumes to read this account. */
    roleArn: RoleArn.optional(),
    externalId: z.string().optional(),
    /** Named profile from the shared AWS config/credentials files. */
    profile: z.string().min(1).optional(),
    /**
     * Role assumed for changes, with SourceIdentity set to the console user so CloudTrail names the person.
     * Defaults to `roleArn`.
     */
    changeRoleArn: RoleArn.optional(),
  })
  .refine((a) => !(a.roleArn && a.profile), { message: 'give roleArn or profile, not both' });
export type AccountConfig = z.infer<typeof AccountConfig>;

const ConnectedClusterAccess = z.object({
  /** Path of a kubeconfig file; the default kubeconfig when absent. */
  kubeconfig: z.string().optional(),
  context: z.string().min(1),
});

/** OpenID Connect sign-in: the provider, this console's client, and which IdP groups get which role. */
export const SsoConfigSchema = z.object({
  /** Discovery reads `${issuer}/.well-known/openid-configuration`; https, or http on loopback only. */
  issuer: z
    .string()
    .url()
    .refine(
      (issuer) => {
        const url = new URL(issuer);
        return (
          url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
        );
      },
      { message: 'must be https (plain http only on loopback)' },
    ),
  clientId: z.string().min(1),
  /** Name of the environment variable holding the client secret (never the secret itself). */
  clientSecretEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable')
    .optional(),
  /** This console's callback, registered at the provider: `<console URL>/api/auth/oidc/callback`. */
  redirectUri: z
    .string()
    .url()
    .refine((uri) => new URL(uri).pathname === '/api/auth/oidc/callback', {
      message: 'must end in /api/auth/oidc/callback',
    }),
  /** ID token claim that lists the user's groups. */
  groupsClaim: z.string().min(1).default('groups'),
  /** IdP groups per role; a user gets the highest role any of their groups maps to. */
  roles: z
    .object({
      admin: z.array(z.string().min(1)).default([]),
      operator: z.array(z.string().min(1)).default([]),
      auditor: z.array(z.string().min(1)).default([]),
    })
    .refine((roles) => roles.admin.length + roles.operator.length + roles.auditor.length > 0, {
      message: 'map at least one group to a role',
    }),
  /** `false` turns password sign-in off; `true` keeps local (break-glass) users. */
  localUsers: z.boolean().default(true),
  /** Label of the sign-in button ("Sign in with <name>"); defaults to the issuer's host. */
  name: z.string().min(1).optional(),
  /** Scopes asked for; the provider must put the groups claim in the ID token. */
  scopes: z.array(z.string().min(1)).default(['openid', 'profile', 'email', 'groups']),
});
export type SsoConfig = z.infer<typeof SsoConfigSchema>;

/** The file named by WHEELHOUSE_CONFIG. */
export const ConfigFileSchema = z.object({
  regions: z.array(Region).min(1).optional(),
  accounts: z.array(AccountConfig).min(1).optional(),
  /** Kubernetes access for connected clusters in `aws` mode, keyed by the connected cluster's name. */
  connectedClusters: z.record(z.string(), ConnectedClusterAccess).optional(),
  /** OpenID Connect sign-in (README, SSO sign-in). */
  sso: SsoConfigSchema.optional(),
  /**
   * Kubernetes requests for a user: `impersonate` (Impersonate-User/Group, the cluster's RBAC
   * decides) or `console` (read as the console, where it may not impersonate).
   */
  kubernetes: z
    .object({ identity: z.enum(['impersonate', 'console']).default('impersonate') })
    .optional(),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

export function readConfigFile(path: string | undefined): ConfigFile {
  if (!path) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read WHEELHOUSE_CONFIG ${path}: ${(error as Error).message}`);
  }
  const parsed = ConfigFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid WHEELHOUSE_CONFIG ${path}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
