import type { DashboardToken } from '@wheelhouse/contract';
import type { Tone } from '../../../components/statusTone.ts';

/** Where a token stands: revoked beats expired (it was stopped on purpose). */
export function tokenStatus(
  token: Pick<DashboardToken, 'revokedAt' | 'expiresAt'>,
  now: number = Date.now(),
): { label: 'Active' | 'Revoked' | 'Expired'; tone: Tone } {
  if (token.revokedAt) return { label: 'Revoked', tone: 'neutral' };
  if (Date.parse(token.expiresAt) <= now) return { label: 'Expired', tone: 'warning' };
  return { label: 'Active', tone: 'success' };
}

/** The token's URL with kiosk mode on, for a wall screen. */
export function kioskUrl(url: string): string {
  const kiosk = new URL(url);
  kiosk.searchParams.set('kiosk', '1');
  return kiosk.toString();
}
