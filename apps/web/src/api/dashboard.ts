import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateDashboardTokenRequest } from '@wheelhouse/contract';
import { endpoints as e } from '@wheelhouse/contract/endpoints';
import { apiCall, isUnauthenticated } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** The wall screen refreshes itself this often. */
export const DASHBOARD_REFRESH_MS = 30_000;

/** What GET /api/dashboard/session tells a wall screen about the token it presented. */
export interface DashboardSessionInfo {
  name: string;
  expiresAt: string;
}

export const fleetDashboardQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.dashboard.fleet(),
    queryFn: ({ signal }) => apiCall(e.fleetDashboard, { signal }),
    refetchInterval: DASHBOARD_REFRESH_MS,
    // A wall screen may sit in a background tab or behind another window and must stay current.
    refetchIntervalInBackground: true,
  });

/** The fleet at a glance (user session or dashboard-token session). */
export function useFleetDashboard() {
  return useQuery(fleetDashboardQueryOptions());
}

async function fetchDashboardSession(signal: AbortSignal): Promise<DashboardSessionInfo | null> {
  try {
    return await apiCall(e.getDashboardSession, { signal });
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

export const dashboardSessionQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.dashboard.session(),
    queryFn: ({ signal }) => fetchDashboardSession(signal),
    staleTime: 5 * 60_000,
  });

/** The dashboard token session of this browser, or null when it has none. */
export function useDashboardSession(enabled: boolean) {
  return useQuery({ ...dashboardSessionQueryOptions(), enabled });
}

/**
 * Trades a dashboard token (from a `?token=` link) for an httpOnly dashboard cookie. Public: no
 * session and no CSRF token needed. A 401 means the token is unknown, revoked or expired; it says
 * nothing about a user session this browser may also have.
 */
export function useDashboardTokenExchange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiCall(e.startDashboardSession, { body: { token } }),
    meta: { expectsUnauthenticated: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.session() }),
  });
}

export const dashboardTokensQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.dashboard.tokens(),
    queryFn: ({ signal }) => apiCall(e.listDashboardTokens, { signal }),
  });

/** Admin only: every dashboard token, including revoked and expired ones. */
export function useDashboardTokens() {
  return useQuery(dashboardTokensQueryOptions());
}

/** Admin only. The answer carries the token and its URL, which are never shown again. */
export function useCreateDashboardToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDashboardTokenRequest) => apiCall(e.createDashboardToken, { body }),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.tokens() }),
  });
}

export function useRevokeDashboardToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiCall(e.revokeDashboardToken, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.tokens() }),
  });
}
