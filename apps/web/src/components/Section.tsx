import type { ReactNode } from 'react';

/**
 * A titled block of a detail tab, a landmark named by its title, actions on the right: a card
 * (overview tabs) or a plain block whose tables bring their own cards (Compute, Access).
 */
export function Section({
  title,
  count,
  actions,
  plain = false,
  children,
}: {
  title: string;
  /** How many items the block lists, shown after the title. */
  count?: number;
  actions?: ReactNode;
  plain?: boolean;
  children: ReactNode;
}) {
  const heading = (
    <h2 className="text-base font-semibold">
      {title}
      {count !== undefined && (
        <span className="ml-1.5 font-normal text-fg-muted tabular-nums">({count})</span>
      )}
    </h2>
  );
  if (plain) {
    return (
      <section aria-label={title} className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          {heading}
          {actions && <div className="ml-auto flex items-center gap-2">{actions}</div>}
        </div>
        {children}
      </section>
    );
  }
  return (
    <section aria-label={title} className="card p-4">
      <div className="mb-3 flex items-center gap-2">
        {heading}
        {actions && <div className="ml-auto">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** A list of identifiers (subnets, security groups, CIDRs) in monospace, or "—" when empty. */
export function IdList({ ids, label }: { ids: string[]; label: string }) {
  if (ids.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <ul aria-label={label} className="flex flex-col gap-0.5 font-mono text-xs">
      {ids.map((id) => (
        <li key={id}>{id}</li>
      ))}
    </ul>
  );
}

/** A long identifier (ARN, URL) in monospace that wraps anywhere. */
export function Mono({ children }: { children: ReactNode }) {
  return <span className="font-mono text-xs break-all">{children}</span>;
}

export function OnOff({
  on,
  onText = 'On',
  offText = 'Off',
}: {
  on: boolean;
  onText?: string;
  offText?: string;
}) {
  return on ? (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className="size-2 rounded-full bg-success-dot" />
      {onText}
    </span>
  ) : (
    <span className="inline-flex items-center gap-1.5 text-fg-muted">
      <span aria-hidden="true" className="size-2 rounded-full border border-neutral-dot" />
      {offText}
    </span>
  );
}
