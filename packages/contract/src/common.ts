import { z } from 'zod';
import { text } from './text.ts';

/** A 12-digit AWS account id. */
export const AccountId = text.regex(/^\d{12}$/, 'must be a 12-digit AWS account id');

/** An AWS region code such as `eu-west-1`. */
export const Region = text.regex(
  /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/,
  'must be an AWS region code such as eu-west-1',
);

/** EKS resource names: clusters, node groups, Fargate profiles (EKS allows 1-100 characters). */
export const ResourceName = text.regex(
  /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/,
  'must start with a letter or digit and hold only letters, digits, - and _ (at most 100)',
);

/** Route parameters that address one cluster. */
export const ClusterRef = z.object({
  accountId: AccountId,
  region: Region,
  name: ResourceName,
});
export type ClusterRef = z.infer<typeof ClusterRef>;

/** One field that failed validation, named by its path in the request. */
export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, the body of every error response of the BFF. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** Validation failures, one per field. */
  errors: z.array(FieldError).optional(),
  /** The AWS error code when the problem came from AWS, e.g. `InvalidParameterException`. */
  awsCode: z.string().optional(),
  /** The Kubernetes Status reason when a cluster's Kubernetes API refused, e.g. `BadRequest`. */
  kubeReason: z.string().optional(),
  /** The AWS request id of the failed upstream call. */
  requestId: z.string().optional(),
  /** Steps that would fix the problem, e.g. the access entry a cluster needs. */
  remedy: z.array(z.string()).optional(),
});
export type Problem = z.infer<typeof Problem>;

/** A source (account + region, or one cluster) that could not be read during a fan-out. */
export const SourceError = z.object({
  accountId: z.string(),
  region: z.string(),
  /** Set when the failure belongs to one cluster rather than the whole account/region. */
  cluster: z.string().optional(),
  code: z.string(),
  message: z.string(),
});
export type SourceError = z.infer<typeof SourceError>;

/** The shape of every fan-out answer: what was read, plus what could not be. */
export const listResult = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), errors: z.array(SourceError) });
