import type { ReactNode } from 'react';

/** A titled block of the Compute tab (a landmark named by its title), actions on the right. */
export function ComputeSection({
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
