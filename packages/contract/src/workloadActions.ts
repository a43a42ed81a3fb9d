import { z } from 'zod';
import { text } from './text.ts';

/** Workloads whose pods a rollout restart replaces. */
export const RestartableKind = z.enum(['deployments', 'statefulsets', 'daemonsets']);
export type RestartableKind = z.infer<typeof RestartableKind>;
/** Workloads with a scale subresource the console offers. */
export const ScalableKind = z.enum(['deployments', 'statefulsets']);
export type ScalableKind = z.infer<typeof ScalableKind>;

/** POST .../k8s/workloads/:kind/:ns/:name/scale */
export const ScaleWorkloadRequest = z.object({
  replicas: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(1000, 'must be 1000 or less'),
});
export type ScaleWorkloadRequest = z.infer<typeof ScaleWorkloadRequest>;

/** DELETE .../k8s/pods/:ns/:pod: the pod's name typed again, and an optional grace period. */
export const DeletePodRequest = z.object({
  confirmName: text.min(1, 'type the pod name to confirm'),
  gracePeriodSeconds: z.number().int().min(0).max(3600).optional(),
});
export type DeletePodRequest = z.infer<typeof DeletePodRequest>;

/** Which identity the cluster saw for a Kubernetes change (recorded in its audit entry). */
export const KubeIdentity = z.object({
  /** `console`: the console's own IAM principal; `user`: impersonating the signed-in user. */
  as: z.enum(['console', 'user']),
  principal: z.string().optional(),
});
export type KubeIdentity = z.infer<typeof KubeIdentity>;

/** The answer to a workload, pod or node action. */
export const KubeActionResult = z.object({
  auditId: z.number().int(),
  message: z.string(),
  identity: KubeIdentity,
});
export type KubeActionResult = z.infer<typeof KubeActionResult>;

/** A PodDisruptionBudget an action would (or did) run into. */
export const BudgetImpact = z.object({
  namespace: z.string(),
  name: z.string(),
  disruptionsAllowed: z.number().int(),
  currentHealthy: z.number().int(),
  desiredHealthy: z.number().int(),
  /** Pods the action would take down that this budget selects. */
  affectedPods: z.number().int(),
  /** The action takes down more of its pods than the budget allows. */
  violated: z.boolean(),
});
export type BudgetImpact = z.infer<typeof BudgetImpact>;

/** GET .../scale/preview?replicas= and GET .../nodes/:node/drain/preview */
export const DisruptionPreview = z.object({
  pods: z.number().int(),
  budgets: z.array(BudgetImpact),
});
export type DisruptionPreview = z.infer<typeof DisruptionPreview>;
export const ScalePreviewQuery = z.object({
  replicas: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more'),
});

/** One pod of a drain and what became of it. */
export const DrainedPod = z.object({
  namespace: z.string(),
  name: z.string(),
  outcome: z.enum(['evicted', 'blocked', 'skipped', 'failed']),
  /** The API server's words when the eviction was refused, or why the pod was skipped. */
  message: z.string().optional(),
});
export type DrainedPod = z.infer<typeof DrainedPod>;

/** POST .../k8s/nodes/:node/drain: the node is cordoned, each pod evicted or reported. */
export const DrainResult = KubeActionResult.extend({ pods: z.array(DrainedPod) });
export type DrainResult = z.infer<typeof DrainResult>;

/**
 * The console's exec WebSocket (GET .../k8s/pods/:ns/:pod/exec?container=&command=): binary
 * frames both ways are the terminal's bytes; text frames are JSON control messages.
 */
export const ExecClientMessage = z.object({
  type: z.literal('resize'),
  cols: z.number().int().min(1).max(1000),
  rows: z.number().int().min(1).max(1000),
});
export type ExecClientMessage = z.infer<typeof ExecClientMessage>;
export const ExecServerMessage = z.object({
  type: z.literal('exit'),
  /** The command's exit code; absent when the session was ended for it (`reason`). */
  code: z.number().int().optional(),
  reason: z.string().optional(),
});
export type ExecServerMessage = z.infer<typeof ExecServerMessage>;
export const ExecQuery = z.object({
  container: z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'is not a container name'),
  command: text.min(1, 'is required').max(1000),
});
export type ExecQuery = z.infer<typeof ExecQuery>;
