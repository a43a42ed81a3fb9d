/** The colour families the console uses for states; each maps to one set of theme variables. */
export type Tone = 'success' | 'info' | 'warning' | 'danger' | 'pending' | 'neutral';

const TONE_BY_STATUS: Record<string, Tone> = {
  // Clusters, node groups, Fargate profiles, add-ons, updates: one vocabulary across EKS.
  ACTIVE: 'success',
  SUCCESSFUL: 'success',
  CREATING: 'info',
  UPDATING: 'info',
  IN_PROGRESS: 'info',
  INPROGRESS: 'info',
  DELETING: 'warning',
  DEGRADED: 'danger',
  FAILED: 'danger',
  CREATE_FAILED: 'danger',
  DELETE_FAILED: 'danger',
  CANCELLED: 'neutral',
  PENDING: 'pending',
};

/** The one status → colour mapping, used by every badge in the console. */
export function statusTone(status: string): Tone {
  return TONE_BY_STATUS[status.toUpperCase()] ?? 'neutral';
}

/** In-progress states get a pulsing dot so a changing resource stands out. */
export function statusInProgress(status: string): boolean {
  return statusTone(status) === 'info';
}

/** Full class strings (Tailwind only sees literal class names) for a chip of each tone. */
export const TONE_CHIP_CLASSES: Record<Tone, string> = {
  success: 'bg-success-bg text-success-fg border-success-line',
  info: 'bg-info-bg text-info-fg border-info-line',
  warning: 'bg-warning-bg text-warning-fg border-warning-line',
  danger: 'bg-danger-bg text-danger-fg border-danger-line',
  pending: 'bg-pending-bg text-pending-fg border-pending-line',
  neutral: 'bg-neutral-bg text-neutral-fg border-neutral-line',
};

export const TONE_DOT_CLASSES: Record<Tone, string> = {
  success: 'bg-success-dot',
  info: 'bg-info-dot',
  warning: 'bg-warning-dot',
  danger: 'bg-danger-dot',
  pending: 'bg-pending-dot',
  neutral: 'bg-neutral-dot',
};
