import { useMemo } from 'react';
import type { PostureReport } from '@wheelhouse/contract';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ActiveFilters, FilterBar, SearchField } from '../../components/FilterBar.tsx';
import { MultiSelectFilter } from '../../components/MultiSelectFilter.tsx';
import { findingRowId, postureColumns, severityLabel } from './postureColumns.tsx';
import { findingsCsv, selectFindings, SEVERITIES } from './postureFindings.ts';
import { usePostureFilters } from './usePostureFilters.ts';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The click has started the download; the object URL is not needed past this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Filters (in the URL), export and the findings table of a posture report. */
export function PostureFindings({
  report,
  withCluster,
  exportName,
}: {
  report: PostureReport;
  withCluster: boolean;
  /** File name of the exports, without extension. */
  exportName: string;
}) {
  const [filters, setFilters] = usePostureFilters();
  const findings = useMemo(() => selectFindings(report.items, filters), [report.items, filters]);
  const columns = useMemo(() => postureColumns(withCluster), [withCluster]);
  const checkTitles = new Map(report.checks.map((check) => [check.id, check.title]));
  const count = (pick: (f: (typeof report.items)[number]) => string, value: string) =>
    report.items.filter((f) => pick(f) === value).length;
  const active = [
    ...filters.severities.map((severity) => ({
      key: `severity-${severity}`,
      label: `Severity: ${severityLabel(severity)}`,
      onRemove: () =>
        setFilters({ ...filters, severities: filters.severities.filter((s) => s !== severity) }),
    })),
    ...filters.checks.map((check) => ({
      key: `check-${check}`,
      label: `Check: ${checkTitles.get(check) ?? check}`,
      onRemove: () => setFilters({ ...filters, checks: filters.checks.filter((c) => c !== check) }),
    })),
  ];

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <FilterBar label="Filter findings">
          <SearchField
            label={withCluster ? 'Filter by cluster or resource' : 'Filter by resource'}
            placeholder={withCluster ? 'Cluster or resource…' : 'Resource…'}
            value={filters.text}
            onChange={(text) => setFilters({ ...filters, text }, { replace: true })}
          />
          <MultiSelectFilter
            label="Severity"
            options={SEVERITIES.map((severity) => ({
              value: severity,
              label: severityLabel(severity),
              count: count((f) => f.severity, severity),
            }))}
            selected={filters.severities}
            onChange={(values) =>
              setFilters({ ...filters, severities: values as typeof filters.severities })
            }
          />
          <MultiSelectFilter
            label="Check"
            options={report.checks
              .map((check) => ({
                value: check.id,
                label: check.title,
                count: count((f) => f.checkId, check.id),
              }))
              .filter((option) => option.count > 0)}
            selected={filters.checks}
            onChange={(checks) => setFilters({ ...filters, checks })}
          />
        </FilterBar>
        <div className="ml-auto flex gap-2">
          <button
            type="button"
            className="btn-secondary"
            onClick={() => download(`${exportName}.csv`, 'text/csv', findingsCsv(findings))}
          >
            Export CSV
          </button>
          <button
            type="button"
            className="btn-secondary"
            onClick={() =>
              download(
                `${exportName}.json`,
                'application/json',
                `${JSON.stringify({ generatedAt: report.generatedAt, items: findings }, null, 2)}\n`,
              )
            }
          >
            Export JSON
          </button>
        </div>
      </div>
      <ActiveFilters
        filters={active}
        onClear={() => setFilters({ severities: [], checks: [], text: '' })}
      />
      <p role="status" className="text-fg-muted">
        {findings.length === report.items.length
          ? `${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}`
          : `${findings.length} of ${report.items.length} findings`}
      </p>
      {findings.length === 0 ? (
        <EmptyState
          title={
            report.items.length === 0 ? 'Every check passes' : 'No finding matches these filters'
          }
        >
          {report.items.length === 0
            ? `All ${report.checks.length} checks pass where they apply.`
            : 'Try fewer filters.'}
        </EmptyState>
      ) : (
        <DataTable
          label="Posture findings"
          data={findings}
          columns={columns}
          getRowId={findingRowId}
          rowHeight={72}
          measureRows
        />
      )}
    </div>
  );
}
