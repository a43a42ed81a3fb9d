import { Link } from 'react-router';
import { createColumnHelper } from '@tanstack/react-table';
import type { PostureFinding, PostureSeverity } from '@wheelhouse/contract';
import { Chip } from '../../components/Chip.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import type { Tone } from '../../components/statusTone.ts';
import { findingHref } from './postureFindings.ts';

export const SEVERITY_TONE: Record<PostureSeverity, Tone> = {
  critical: 'danger',
  high: 'warning',
  medium: 'info',
  low: 'neutral',
};

export const severityLabel = (severity: PostureSeverity) =>
  severity.charAt(0).toUpperCase() + severity.slice(1);

export const findingRowId = (f: PostureFinding) =>
  `${f.accountId}|${f.region}|${f.cluster}|${f.checkId}|${f.resource}`;

const column = createColumnHelper<PostureFinding>();

/** The findings table; `withCluster` false on a cluster's own tab. */
export function postureColumns(withCluster: boolean) {
  return [
    column.display({
      id: 'severity',
      header: 'Severity',
      size: 96,
      cell: ({ row: { original: f } }) => (
        <Chip tone={SEVERITY_TONE[f.severity]}>{severityLabel(f.severity)}</Chip>
      ),
    }),
    column.display({
      id: 'check',
      header: 'Check',
      size: 240,
      meta: { rowHeader: true, wrap: true },
      cell: ({ row: { original: f } }) => (
        <span className="flex flex-col leading-tight">
          <span className="font-medium">{f.title}</span>
          <span className="font-mono text-xs text-fg-muted" title={f.source}>
            {f.checkId}
          </span>
        </span>
      ),
    }),
    ...(withCluster
      ? [
          column.display({
            id: 'cluster',
            header: 'Cluster',
            size: 170,
            cell: ({ row: { original: f } }) => (
              <span className="flex flex-col leading-tight">
                <Link
                  to={`/clusters/${[f.accountId, f.region, f.cluster].map(encodeURIComponent).join('/')}`}
                >
                  {f.cluster}
                </Link>
                <span className="text-xs text-fg-muted">
                  {f.accountId} · {f.region}
                </span>
              </span>
            ),
          }),
        ]
      : []),
    column.display({
      id: 'resource',
      header: 'Resource',
      size: 200,
      meta: { wrap: true },
      cell: ({ row: { original: f } }) => (
        <Link to={findingHref(f)} className="break-all">
          {f.resource}
        </Link>
      ),
    }),
    column.display({
      id: 'detail',
      header: 'Why',
      size: 300,
      meta: { wrap: true },
      cell: ({ row: { original: f } }) => <span>{f.detail}</span>,
    }),
    column.display({
      id: 'remediation',
      header: 'Fix',
      size: 330,
      meta: { wrap: true },
      cell: ({ row: { original: f } }) => (
        <span className="flex items-start gap-1">
          <code className="min-w-0 flex-1 text-xs break-all">{f.remediation}</code>
          <CopyButton
            text={f.remediation}
            label={`Copy the fix for ${f.checkId} on ${f.resource}`}
          />
        </span>
      ),
    }),
  ];
}
