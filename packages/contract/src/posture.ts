import { z } from 'zod';
import { SourceError } from './common.ts';

/** How bad a failed check is; the score weighs each failure by it. */
export const PostureSeverity = z.enum(['critical', 'high', 'medium', 'low']);
export type PostureSeverity = z.infer<typeof PostureSeverity>;

/** Weight of a check in a cluster's score, by severity. */
export const SEVERITY_WEIGHT: Record<PostureSeverity, number> = {
  critical: 10,
  high: 5,
  medium: 2,
  low: 1,
};

/** One posture check, as the Posture page lists them. */
export const PostureCheck = z.object({
  id: z.string(),
  title: z.string(),
  severity: PostureSeverity,
  /** The CIS Amazon EKS Benchmark or EKS Best Practices item the check comes from. */
  source: z.string(),
});
export type PostureCheck = z.infer<typeof PostureCheck>;

/** One check failed by one resource. */
export const PostureFinding = z.object({
  checkId: z.string(),
  severity: PostureSeverity,
  accountId: z.string(),
  region: z.string(),
  cluster: z.string(),
  /** What fails: `cluster/<name>`, `nodegroup/<name>`, `autoscaling-group/<name>`, `fargate-profile/<name>`, `access-entry/<arn>`. */
  resource: z.string(),
  title: z.string(),
  /** Why this resource fails, with the values read. */
  detail: z.string(),
  /** The exact command that fixes it. */
  remediation: z.string(),
  source: z.string(),
});
export type PostureFinding = z.infer<typeof PostureFinding>;

/** A cluster's standing: 100 when every check that applies to it passes. */
export const PostureScore = z.object({
  accountId: z.string(),
  region: z.string(),
  cluster: z.string(),
  score: z.number().int().min(0).max(100),
  passed: z.number().int(),
  failed: z.number().int(),
  /** Checks that could not be evaluated (what they read could not be read, or it does not apply). */
  skipped: z.number().int(),
});
export type PostureScore = z.infer<typeof PostureScore>;

export const PostureReport = z.object({
  items: z.array(PostureFinding),
  scores: z.array(PostureScore),
  checks: z.array(PostureCheck),
  errors: z.array(SourceError),
  generatedAt: z.string(),
});
export type PostureReport = z.infer<typeof PostureReport>;
