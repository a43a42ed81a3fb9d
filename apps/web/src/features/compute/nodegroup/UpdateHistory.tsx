import type { Update } from '@wheelhouse/contract';
import { ProgressBar } from '../../../components/ProgressBar.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';
import { StatusBadge, updateTypeLabel } from '../../../components/StatusBadge.tsx';
import { UpdateParams } from '../../lifecycle/index.ts';

const HEAD = 'border-b border-line px-3 py-2 text-left text-xs font-semibold text-fg-muted';
const CELL = 'border-b border-line px-3 py-2 align-top';

/**
 * How far the counted steps got; undefined (an indeterminate bar) when nothing was counted: EKS
 * only says InProgress, and a percentage made up from that would mean nothing.
 */
function stepsPercent(update: Update): number | undefined {
  const { done, total } = update.steps ?? {};
  return done !== undefined && total ? (done / total) * 100 : undefined;
}

/** A node group's EKS updates, newest first, with a progress bar while one is in progress. */
export function UpdateHistory({ updates }: { updates: Update[] }) {
  if (updates.length === 0) {
    return <p className="card px-4 py-6 text-center text-fg-muted">No updates yet.</p>;
  }
  return (
    <div className="card overflow-x-auto">
      <table aria-label="Update history" className="w-full border-separate border-spacing-0">
        <thead className="bg-surface-muted">
          <tr>
            <th scope="col" className={HEAD}>
              Type
            </th>
            <th scope="col" className={HEAD}>
              Status
            </th>
            <th scope="col" className={HEAD}>
              Parameters
            </th>
            <th scope="col" className={HEAD}>
              Errors
            </th>
            <th scope="col" className={HEAD}>
              Created
            </th>
          </tr>
        </thead>
        <tbody>
          {updates.map((update) => (
            <tr key={update.id}>
              <td className={CELL}>
                <span className="font-medium">{updateTypeLabel(update.type)}</span>
                <code className="block text-xs break-all text-fg-muted">{update.id}</code>
              </td>
              <td className={`${CELL} w-48`}>
                <div className="flex flex-col items-start gap-1.5">
                  <StatusBadge status={update.status} />
                  {update.status === 'InProgress' && update.steps && (
                    <span className="text-xs text-fg-muted tabular-nums">{update.steps.text}</span>
                  )}
                  {update.status === 'InProgress' && (
                    <div className="flex w-full items-center gap-2">
                      <ProgressBar
                        label={`Progress of update ${update.id}`}
                        value={stepsPercent(update)}
                        valueText={update.steps?.text}
                      />
                    </div>
                  )}
                </div>
              </td>
              <td className={CELL}>
                <UpdateParams update={update} scope="nodegroup" history={updates} />
              </td>
              <td className={CELL}>
                {update.errors.length === 0 ? (
                  <span className="text-fg-muted">—</span>
                ) : (
                  <ul className="flex flex-col gap-1">
                    {update.errors.map((error, index) => (
                      <li key={`${error.code}-${index}`} className="text-danger-fg">
                        <code className="text-xs font-semibold">{error.code}</code>{' '}
                        <span className="break-words">{error.message}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <RelativeTime iso={update.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
