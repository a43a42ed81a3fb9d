import type { FleetDashboard, SessionInfo } from '@wheelhouse/contract';
import { operatorSession } from './fixtures.ts';

export const adminSession: SessionInfo = { ...operatorSession, user: 'ada', role: 'admin' };
export const auditorSession: SessionInfo = { ...operatorSession, user: 'aude', role: 'auditor' };

/** A fleet with something in every tile (checked against the contract in tests). */
export function fleetDashboard(overrides: Partial<FleetDashboard> = {}): FleetDashboard {
  return {
    generatedAt: '2025-10-27T10:00:00.000Z',
    clusters: {
      total: 9,
      byStatus: { ACTIVE: 5, UPDATING: 2, FAILED: 1, PENDING: 1 },
      byVersion: { '1.29': 3, '1.31': 4, '1.30': 1 },
    },
    versionSupport: [
      {
        accountId: '111111111111',
        region: 'eu-west-1',
        name: 'legacy-batch',
        version: '1.29',
        status: 'EXTENDED_SUPPORT',
        endOfStandardSupport: '2025-03-23T00:00:00.000Z',
        endOfExtendedSupport: '2026-03-23T00:00:00.000Z',
        daysLeft: 147,
      },
      {
        accountId: '222222222222',
        region: 'us-east-1',
        name: 'stage-api',
        version: '1.30',
        status: 'STANDARD_SUPPORT',
        endOfStandardSupport: '2025-11-26T00:00:00.000Z',
        daysLeft: 30,
      },
    ],
    nodegroups: [
      {
        accountId: '111111111111',
        region: 'eu-west-1',
        cluster: 'prod-web',
        name: 'spot-workers',
        status: 'DEGRADED',
        issues: 2,
      },
    ],
    pods: [
      {
        accountId: '111111111111',
        region: 'eu-west-1',
        cluster: 'prod-web',
        notReady: 3,
        total: 120,
      },
      {
        accountId: '111111111111',
        region: 'eu-west-1',
        cluster: 'prod-api',
        notReady: 0,
        total: 40,
      },
    ],
    updatesInProgress: [
      {
        accountId: '111111111111',
        region: 'eu-west-1',
        cluster: 'prod-api',
        id: 'upd-1',
        type: 'VersionUpdate',
        createdAt: '2025-10-27T09:50:00.000Z',
      },
    ],
    connectedPending: [
      {
        accountId: '111111111111',
        region: 'eu-west-1',
        name: 'onprem-lab',
        activationExpiry: new Date(Date.now() + (2 * 24 + 3) * 3600_000 + 60_000).toISOString(),
      },
    ],
    errors: [],
    ...overrides,
  };
}
