import type { ReactNode } from 'react';

const HEAD =
  'border-b border-line bg-surface-muted px-3 py-2 text-left text-xs font-semibold text-fg-muted';
export const CELL = 'border-b border-line px-3 py-2 align-top';

/** A plain table of one section: few rows, so no paging or virtualisation. */
export function AccessTable({
  label,
  headers,
  children,
  empty,
}: {
  label: string;
  headers: string[];
  children: ReactNode;
  empty?: ReactNode;
}) {
  return (
    // A scroll container must be reachable by keyboard (narrow screens scroll these sideways).
    <div
      className="card overflow-x-auto"
      role="region"
      aria-label={`${label} (scrolls sideways on narrow screens)`}
      tabIndex={0}
    >
      <table aria-label={label} className="w-full border-separate border-spacing-0 text-sm">
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className={HEAD}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {empty && <p className="px-3 py-4 text-fg-muted">{empty}</p>}
    </div>
  );
}
