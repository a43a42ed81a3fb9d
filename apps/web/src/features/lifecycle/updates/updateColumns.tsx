import { createColumnHelper } from '@tanstack/react-table';
import type { Update } from '@wheelhouse/contract';
import { ProgressBar } from '../../../components/ProgressBar.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { StatusBadge, updateTypeLabel } from '../../../components/StatusBadge.tsx';
import { UpdateParams } from './UpdateParams.tsx';

const column = createColumnHelper<Update>();

/**
 * How far the counted steps got; undefined (an indeterminate bar) when nothing was counted: EKS
 * only says InProgress, and a percentage made up from that would mean nothing.
 */
function stepsPercent(update: Update): number | undefined {
  const { done, total } = update.steps ?? {};
  return done !== undefined && total ? (done / total) * 100 : undefined;
}

function UpdateErrors({ update, resources }: { update: Update; resources: boolean }) {
  if (update.errors.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <ul className="flex flex-col gap-1">
      {update.errors.map((error, index) => (
        <li key={`${error.code}-${index}`} className="text-danger-fg">
          <code className="text-xs font-semibold">{error.code}</code>
          {/* EKS's message as EKS wrote it. */}
          <span className="block text-fg">{error.message}</span>
          {resources && error.resourceIds.length > 0 && (
            <span className="block font-mono text-xs break-all text-fg-muted">
              {error.resourceIds.join(', ')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The columns of an update history (a cluster's or a node group's), newest first by the caller.
 * A cluster's names each row by its type and counts progress in percent; a node group's counts
 * the nodes EKS has replaced and keeps the update id under the type.
 */
export function updateColumns(scope: 'cluster' | 'nodegroup', history: readonly Update[]) {
  const started = column.accessor('createdAt', {
    header: scope === 'cluster' ? 'Started' : 'Created',
    size: 120,
    cell: (info) => <RelativeTime iso={info.getValue()} />,
  });
  const type = column.accessor('type', {
    header: 'Type',
    size: scope === 'cluster' ? 170 : 220,
    meta: { rowHeader: scope === 'cluster', wrap: true },
    cell: (info) =>
      scope === 'cluster' ? (
        <span className="font-medium">{updateTypeLabel(info.getValue())}</span>
      ) : (
        <>
          <span className="font-medium">{updateTypeLabel(info.getValue())}</span>
          <code className="block text-xs break-all text-fg-muted">{info.row.original.id}</code>
        </>
      ),
  });
  const status = column.accessor('status', {
    header: 'Status',
    size: 190,
    meta: { wrap: true },
    cell: ({ row: { original: update } }) => (
      <div className="flex min-w-28 flex-col items-start gap-1.5">
        <StatusBadge status={update.status} />
        {scope === 'nodegroup' && update.status === 'InProgress' && update.steps && (
          <span className="text-xs text-fg-muted tabular-nums">{update.steps.text}</span>
        )}
        {update.status === 'InProgress' &&
          (scope === 'cluster' ? (
            <ProgressBar
              label={`Progress of ${updateTypeLabel(update.type).toLowerCase()} ${update.id}`}
              value={update.progress}
            />
          ) : (
            <div className="flex w-full items-center gap-2">
              <ProgressBar
                label={`Progress of update ${update.id}`}
                value={stepsPercent(update)}
                valueText={update.steps?.text}
              />
            </div>
          ))}
      </div>
    ),
  });
  const parameters = column.display({
    id: 'parameters',
    header: 'Parameters',
    size: 280,
    meta: { wrap: true },
    cell: ({ row }) => <UpdateParams update={row.original} scope={scope} history={history} />,
  });
  const errors = column.display({
    id: 'errors',
    header: 'Errors',
    size: 260,
    meta: { wrap: true },
    cell: ({ row }) => <UpdateErrors update={row.original} resources={scope === 'cluster'} />,
  });
  if (scope === 'nodegroup') return [type, status, parameters, errors, started];
  const id = column.accessor('id', {
    header: 'Update ID',
    size: 200,
    meta: { wrap: true },
    cell: (info) => (
      <span className="font-mono text-xs break-all text-fg-muted">{info.getValue()}</span>
    ),
  });
  return [started, type, status, parameters, errors, id];
}
