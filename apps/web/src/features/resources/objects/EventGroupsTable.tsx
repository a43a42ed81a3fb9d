import type { ReactNode } from 'react';
import type { EventGroup } from '@wheelhouse/contract';
import { Chip } from '../../../components/Chip.tsx';
import { RelativeTime } from '../../../components/RelativeTime.tsx';

const TH =
  'border-b border-line bg-surface-muted px-3 py-2 text-left text-xs font-semibold text-fg-muted';
const TD = 'border-b border-line px-3 py-2 align-top';

/**
 * Events grouped by reason (as `kubectl describe` folds them): how often, first and last seen,
 * the newest message and the other distinct ones. Warnings stand out. `object` adds a first column
 * naming what each group is about (the cluster's events view).
 */
export function EventGroupsTable<G extends EventGroup>({
  label,
  groups,
  object,
  empty,
}: {
  label: string;
  groups: G[];
  object?: (group: G) => ReactNode;
  empty: ReactNode;
}) {
  if (groups.length === 0) return <p className="card px-4 py-4 text-fg-muted">{empty}</p>;
  const titles = [
    ...(object ? ['Object'] : []),
    'Type',
    'Reason',
    'Count',
    'First seen',
    'Last seen',
    'Message',
  ];
  return (
    <div className="card overflow-x-auto">
      <table aria-label={label} className="w-full border-separate border-spacing-0">
        <thead>
          <tr>
            {titles.map((title) => (
              <th key={title} scope="col" className={TH}>
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group, index) => (
            <tr key={`${group.type}|${group.reason}|${index}`} data-type={group.type}>
              {object && <td className={TD}>{object(group)}</td>}
              <td className={TD}>
                <Chip tone={group.type === 'Warning' ? 'warning' : 'neutral'}>{group.type}</Chip>
              </td>
              <td className={`${TD} font-medium`}>{group.reason || '—'}</td>
              <td className={`${TD} tabular-nums`}>{group.count}</td>
              <td className={`${TD} whitespace-nowrap`}>
                <RelativeTime iso={group.firstSeen} />
              </td>
              <td className={`${TD} whitespace-nowrap`}>
                <RelativeTime iso={group.lastSeen} />
              </td>
              <td className={`${TD} break-words`}>
                {group.message || '—'}
                {group.messages.length > 1 && (
                  <details className="mt-1 text-xs text-fg-muted">
                    <summary>{group.messages.length - 1} other messages</summary>
                    <ul className="mt-1 list-disc pl-4">
                      {group.messages.slice(1).map((message) => (
                        <li key={message}>{message}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
