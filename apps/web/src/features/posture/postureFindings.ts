import type { PostureFinding, PostureSeverity } from '@wheelhouse/contract';

export const SEVERITIES: readonly PostureSeverity[] = ['critical', 'high', 'medium', 'low'];

/** What the Posture page shows, as its URL says: `?severity=high&severity=critical&check=…&q=…`. */
export interface PostureFilters {
  severities: PostureSeverity[];
  checks: string[];
  /** Cluster or resource name contains this (case-insensitive). */
  text: string;
}

const isSeverity = (value: string): value is PostureSeverity =>
  (SEVERITIES as readonly string[]).includes(value);

export function parsePostureFilters(params: URLSearchParams): PostureFilters {
  return {
    severities: params.getAll('severity').filter(isSeverity),
    checks: params.getAll('check').filter(Boolean),
    text: params.get('q') ?? '',
  };
}

export function serializePostureFilters(filters: PostureFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const severity of filters.severities) params.append('severity', severity);
  for (const check of filters.checks) params.append('check', check);
  if (filters.text.trim()) params.set('q', filters.text.trim());
  return params;
}

const SEVERITY_RANK: Record<PostureSeverity, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** The findings the filters select, worst first, then by cluster and resource. */
export function selectFindings(items: PostureFinding[], filters: PostureFilters): PostureFinding[] {
  const text = filters.text.trim().toLowerCase();
  return items
    .filter(
      (finding) =>
        (filters.severities.length === 0 || filters.severities.includes(finding.severity)) &&
        (filters.checks.length === 0 || filters.checks.includes(finding.checkId)) &&
        (text === '' ||
          finding.cluster.toLowerCase().includes(text) ||
          finding.resource.toLowerCase().includes(text)),
    )
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        a.cluster.localeCompare(b.cluster) ||
        a.resource.localeCompare(b.resource),
    );
}

const segment = encodeURIComponent;

/** Where the console shows the resource a finding names. */
export function findingHref(finding: PostureFinding): string {
  const cluster = `/clusters/${[finding.accountId, finding.region, finding.cluster].map(segment).join('/')}`;
  const slash = finding.resource.indexOf('/');
  const kind = finding.resource.slice(0, slash);
  const name = finding.resource.slice(slash + 1);
  switch (kind) {
    case 'nodegroup':
      return `${cluster}/nodegroups/${segment(name)}`;
    case 'autoscaling-group':
    case 'fargate-profile':
      return `${cluster}?tab=compute`;
    case 'access-entry':
      return `${cluster}?tab=access`;
    default:
      return cluster;
  }
}

const CSV_COLUMNS = [
  'severity',
  'checkId',
  'title',
  'accountId',
  'region',
  'cluster',
  'resource',
  'detail',
  'remediation',
  'source',
] as const satisfies readonly (keyof PostureFinding)[];

/** RFC 4180: quote every field, double the quotes inside; a leading = + - @ is defused for spreadsheets. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function findingsCsv(findings: PostureFinding[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const finding of findings) {
    lines.push(CSV_COLUMNS.map((column) => csvField(finding[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
