import { z } from 'zod';
import { VersionSupport } from './clusters.ts';
import { text } from './text.ts';
import { SourceError } from './common.ts';

const Count = z.number().int().min(0);

/** The fleet at a glance, for the wall screen. Each tile links to the list behind it. */
export const FleetDashboard = z.object({
  generatedAt: z.string(),
  clusters: z.object({
    total: Count,
    byStatus: z.record(z.string(), Count),
    byVersion: z.record(z.string(), Count),
  }),
  /** Clusters whose version needs attention (supportStanding's `flagged`), most urgent first. */
  versionSupport: z.array(
    z.object({
      accountId: z.string(),
      region: z.string(),
      name: z.string(),
      version: z.string(),
      status: VersionSupport.shape.status,
      endOfStandardSupport: z.string().optional(),
      endOfExtendedSupport: z.string().optional(),
      daysLeft: z.number().int().optional(),
    }),
  ),
  nodegroups: z.array(
    z.object({
      accountId: z.string(),
      region: z.string(),
      cluster: z.string(),
      name: z.string(),
      status: z.string(),
      issues: Count,
    }),
  ),
  pods: z.array(
    z.object({
      accountId: z.string(),
      region: z.string(),
      cluster: z.string(),
      notReady: Count,
      total: Count,
    }),
  ),
  updatesInProgress: z.array(
    z.object({
      accountId: z.string(),
      region: z.string(),
      cluster: z.string(),
      nodegroup: z.string().optional(),
      id: z.string(),
      type: z.string(),
      createdAt: z.string().optional(),
    }),
  ),
  connectedPending: z.array(
    z.object({
      accountId: z.string(),
      region: z.string(),
      name: z.string(),
      activationExpiry: z.string().optional(),
    }),
  ),
  errors: z.array(SourceError),
});
export type FleetDashboard = z.infer<typeof FleetDashboard>;

export const CreateDashboardTokenRequest = z.object({
  name: text.min(1, 'is required').max(64),
  /** Days until the token stops working (default 90). */
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export type CreateDashboardTokenRequest = z.infer<typeof CreateDashboardTokenRequest>;

export const DashboardToken = z.object({
  id: z.string(),
  name: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
  lastUsedAt: z.string().optional(),
});
export type DashboardToken = z.infer<typeof DashboardToken>;

/** The secret is shown once, at creation; only its hash is stored. */
export const CreatedDashboardToken = DashboardToken.extend({ token: z.string(), url: z.string() });
export type CreatedDashboardToken = z.infer<typeof CreatedDashboardToken>;
