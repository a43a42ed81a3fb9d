import { z } from 'zod';

const Word = z.string().regex(/^[a-z*][a-z0-9.*-]{0,62}$/, 'is not a Kubernetes verb or resource');

/** `GET .../k8s/access-review`: may the signed-in user do this on the cluster (SelfSubjectAccessReview)? */
export const AccessReviewQuery = z.object({
  verb: Word,
  resource: Word,
  /** The API group ('' or absent: core). */
  group: z
    .string()
    .regex(/^[a-z0-9.-]{0,253}$/, 'is not an API group')
    .optional(),
  namespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'is not a Kubernetes namespace name')
    .optional(),
  /** e.g. `exec` or `log` of pods: RBAC grants subresources apart from their resource. */
  subresource: Word.optional(),
});
export type AccessReviewQuery = z.infer<typeof AccessReviewQuery>;

/** The cluster's answer, with the reason to show when it is no. */
export const AccessReview = z.object({
  allowed: z.boolean(),
  verb: z.string(),
  resource: z.string(),
  namespace: z.string().optional(),
  /** "your groups may not list pods in payments" when not allowed. */
  reason: z.string().optional(),
});
export type AccessReview = z.infer<typeof AccessReview>;
