import type { VersionSupport } from './clusters.ts';

const DAY_MS = 86_400_000;

/** A deadline inside this many days turns a version one step more urgent (clusters list and dashboard). */
export const SUPPORT_WARNING_DAYS = 90;

/** How urgent a version's place in EKS's support calendar is; the web maps it to a colour. */
export type SupportLevel = 'ok' | 'warning' | 'danger' | 'unknown';

/** Where a cluster's Kubernetes version stands, computed once for every page that shows it. */
export interface SupportStanding {
  status: VersionSupport['status'];
  level: SupportLevel;
  /** "standard", "extended", "unsupported", "unknown". */
  label: string;
  /** "until 2027-03-23" or "since 2026-07-23"; absent when EKS gave no date. */
  detail?: string;
  /** "extended support until 2027-03-23", "unsupported since 2026-07-23". */
  sentence: string;
  /** Whole days to the date that matters (negative once it has passed). */
  daysLeft?: number;
  /** "364 days left", "1 day left", "133 days ago". */
  days?: string;
  /** True when the dashboard should list it: anything not plainly ok. */
  flagged: boolean;
}

const LABELS: Record<VersionSupport['status'], string> = {
  STANDARD_SUPPORT: 'standard',
  EXTENDED_SUPPORT: 'extended',
  UNSUPPORTED: 'unsupported',
  UNKNOWN: 'unknown',
};

// EKS states support dates as calendar days in UTC.
const calendarDay = (iso: string) => new Date(iso).toISOString().slice(0, 10);

function daysText(daysLeft: number): string {
  const n = Math.abs(daysLeft);
  const unit = n === 1 ? 'day' : 'days';
  return daysLeft >= 0 ? `${n} ${unit} left` : `${n} ${unit} ago`;
}

/**
 * The date that matters for each status: the end of the support a version is in, or, for an
 * unsupported one, when its last support (extended, else standard) ended.
 */
function deadlineOf(support: VersionSupport): string | undefined {
  switch (support.status) {
    case 'STANDARD_SUPPORT':
      return support.endOfStandardSupport;
    case 'EXTENDED_SUPPORT':
      return support.endOfExtendedSupport;
    case 'UNSUPPORTED':
      return support.endOfExtendedSupport ?? support.endOfStandardSupport;
    default:
      return undefined;
  }
}

function levelOf(status: VersionSupport['status'], daysLeft: number | undefined): SupportLevel {
  const soon = daysLeft !== undefined && daysLeft <= SUPPORT_WARNING_DAYS;
  switch (status) {
    case 'STANDARD_SUPPORT':
      return soon ? 'warning' : 'ok';
    case 'EXTENDED_SUPPORT':
      // Extended support costs extra (amber); near its end EKS upgrades the cluster itself (red).
      return soon ? 'danger' : 'warning';
    case 'UNSUPPORTED':
      return 'danger';
    default:
      return 'unknown';
  }
}

/** One computation and one wording of version support, for the clusters list and the dashboard. */
export function supportStanding(support: VersionSupport, now: Date | number): SupportStanding {
  const deadline = deadlineOf(support);
  const parsed = deadline ? Date.parse(deadline) : NaN;
  const daysLeft = Number.isNaN(parsed)
    ? undefined
    : Math.ceil((parsed - new Date(now).getTime()) / DAY_MS);
  const label = LABELS[support.status];
  const detail = Number.isNaN(parsed)
    ? undefined
    : `${support.status === 'UNSUPPORTED' ? 'since' : 'until'} ${calendarDay(deadline!)}`;
  const what = support.status === 'UNSUPPORTED' ? label : `${label} support`;
  const level = levelOf(support.status, daysLeft);
  return {
    status: support.status,
    level,
    label,
    ...(detail ? { detail } : {}),
    sentence: detail ? `${what} ${detail}` : what,
    ...(daysLeft !== undefined ? { daysLeft, days: daysText(daysLeft) } : {}),
    flagged: level === 'warning' || level === 'danger',
  };
}
