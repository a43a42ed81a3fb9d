import { z } from 'zod';

import { ClientRequestToken } from './compute.ts';
import { ClusterRef, SourceError } from './common.ts';
import { text } from './text.ts';

/** EKS add-on statuses (botocore's AddonStatus). */
export const AddonStatus = z.enum([
  'CREATING',
  'ACTIVE',
  'CREATE_FAILED',
  'UPDATING',
  'DELETING',
  'DELETE_FAILED',
  'DEGRADED',
  'UPDATE_FAILED',
]);
export type AddonStatus = z.infer<typeof AddonStatus>;

export const AddonIssue = z.object({
  code: z.string(),
  message: z.string(),
  resourceIds: z.array(z.string()),
});
export type AddonIssue = z.infer<typeof AddonIssue>;

/** One installed add-on, with where it stands against the catalogue for the cluster's Kubernetes version. */
export const InstalledAddon = z.object({
  name: z.string(),
  version: z.string(),
  status: AddonStatus.or(z.string()),
  issues: z.array(AddonIssue),
  arn: z.string().optional(),
  modifiedAt: z.string().optional(),
  serviceAccountRoleArn: z.string().optional(),
  configurationValues: z.string().optional(),
  /** EKS's default build for the cluster's Kubernetes version. */
  defaultVersion: z.string().optional(),
  /** The newest build that runs on the cluster's Kubernetes version. */
  latestVersion: z.string().optional(),
  /** Builds newer than the installed one that run on the cluster, newest first. */
  newerVersions: z.array(z.string()),
  updateAvailable: z.boolean(),
  behindDefault: z.boolean(),
});
export type InstalledAddon = z.infer<typeof InstalledAddon>;

/** An add-on of the catalogue not installed on the cluster, with the builds it could get. */
export const AvailableAddon = z.object({
  name: z.string(),
  type: z.string().optional(),
  defaultVersion: z.string().optional(),
  versions: z.array(z.string()),
});
export type AvailableAddon = z.infer<typeof AvailableAddon>;

export const ClusterAddons = z.object({
  accountId: z.string(),
  region: z.string(),
  cluster: z.string(),
  kubernetesVersion: z.string().optional(),
  items: z.array(InstalledAddon),
  available: z.array(AvailableAddon),
  errors: z.array(SourceError),
});
export type ClusterAddons = z.infer<typeof ClusterAddons>;

/** One cluster × add-on cell of the fleet view. */
export const FleetAddon = InstalledAddon.extend({
  accountId: z.string(),
  region: z.string(),
  cluster: z.string(),
  kubernetesVersion: z.string().optional(),
});
export type FleetAddon = z.infer<typeof FleetAddon>;

export const FleetAddons = z.object({
  items: z.array(FleetAddon),
  /** Per add-on: how many clusters run it and how many of them are behind. */
  drift: z.array(
    z.object({
      name: z.string(),
      clusters: z.number().int(),
      behindDefault: z.number().int(),
      behindLatest: z.number().int(),
      unhealthy: z.number().int(),
    }),
  ),
  errors: z.array(SourceError),
  generatedAt: z.string(),
});
export type FleetAddons = z.infer<typeof FleetAddons>;

export const ResolveConflicts = z.enum(['NONE', 'OVERWRITE', 'PRESERVE']);
export type ResolveConflicts = z.infer<typeof ResolveConflicts>;

const AddonVersion = text.regex(
  /^v[0-9A-Za-z.+-]+$/,
  'must be an add-on version such as v1.19.2-eksbuild.1',
);
const ConfigurationValues = text.max(65_536).refine(
  (value) => {
    if (value.trim() === '') return true;
    try {
      const parsed = JSON.parse(value) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    } catch {
      return false;
    }
  },
  { message: 'must be a JSON object' },
);

export const CreateAddonRequest = z.object({
  name: text.regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be an add-on name such as vpc-cni'),
  version: AddonVersion.optional(),
  resolveConflicts: ResolveConflicts.optional(),
  configurationValues: ConfigurationValues.optional(),
  serviceAccountRoleArn: text
    .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN')
    .optional(),
  clientRequestToken: ClientRequestToken,
});
export type CreateAddonRequest = z.infer<typeof CreateAddonRequest>;

export const UpdateAddonRequest = z.object({
  version: AddonVersion,
  resolveConflicts: ResolveConflicts.default('NONE'),
  configurationValues: ConfigurationValues.optional(),
  clientRequestToken: ClientRequestToken,
});
export type UpdateAddonRequest = z.infer<typeof UpdateAddonRequest>;

export const DeleteAddonRequest = z.object({
  confirmName: text.min(1, 'type the name to confirm'),
  /** Keep the add-on's Kubernetes objects running in the cluster. */
  preserve: z.boolean().default(false),
});
export type DeleteAddonRequest = z.infer<typeof DeleteAddonRequest>;

export const AddonRef = ClusterRef.extend({
  addon: text.regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be an add-on name'),
});
export type AddonRef = z.infer<typeof AddonRef>;

export const AddonConfigurationQuery = z.object({
  /** The build whose schema to read; the cluster's EKS default when absent. */
  version: AddonVersion.optional(),
});
export type AddonConfigurationQuery = z.infer<typeof AddonConfigurationQuery>;

/** What configuration values one add-on build takes (DescribeAddonConfiguration). */
export const AddonConfiguration = z.object({
  name: z.string(),
  version: z.string(),
  /** The JSON Schema, as EKS's text, that configuration values must satisfy; empty when EKS gives none. */
  schema: z.string(),
  /** Service accounts the add-on runs as and the IAM policies EKS recommends for their role. */
  podIdentity: z.array(
    z.object({ serviceAccount: z.string(), recommendedManagedPolicies: z.array(z.string()) }),
  ),
});
export type AddonConfiguration = z.infer<typeof AddonConfiguration>;
