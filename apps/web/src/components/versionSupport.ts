import {
  supportStanding,
  type SupportLevel,
  type SupportStanding,
  type VersionSupport,
} from '@wheelhouse/contract';
import type { Tone } from './statusTone.ts';

const TONES: Record<SupportLevel, Tone> = {
  ok: 'success',
  warning: 'warning',
  danger: 'danger',
  unknown: 'neutral',
};

/** Where a version stands and the colour it gets: the same on the clusters list and the dashboard. */
export function versionSupportView(
  support: VersionSupport,
  now: Date | number = Date.now(),
): SupportStanding & { tone: Tone } {
  const standing = supportStanding(support, now);
  return { ...standing, tone: TONES[standing.level] };
}
