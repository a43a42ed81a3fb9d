import type { ReactNode } from 'react';

/** A titled card inside a detail tab. */
export function Section({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section aria-label={title} className="card p-4">
      <div className="mb-3 flex items-center gap-2">
        <h2 className="text-base font-semibold">{title}</h2>
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
