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

/** The file named by WHEELHOUSE_CONFIG. */
export const ConfigFileSchema = z.object({
  regions: z.array(Region).min(1).optional(),
  accounts: z.array(AccountConfig).min(1).optional(),
  /** Kubernetes access for connected clusters in `aws` mode, keyed by the connected cluster's name. */
  connectedClusters: z.record(z.string(), ConnectedClusterAccess).optional(),
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
