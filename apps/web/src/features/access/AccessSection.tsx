import type { ReactNode } from 'react';

/** A titled block of the Access tab (a landmark named by its title), actions on the right. */
export function AccessSection({
  title,
  count,
  actions,
  children,
}: {
  title: string;
  count?: number;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-label={title} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-base font-semibold">
          {title}
          {count !== undefined && (
            <span className="ml-1.5 font-normal text-fg-muted tabular-nums">({count})</span>
          )}
        </h2>
        {actions && <div className="ml-auto flex items-center gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

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
