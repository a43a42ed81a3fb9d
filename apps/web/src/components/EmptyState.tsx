import type { ReactNode } from 'react';

/** A calm placeholder for "nothing here" and "not found" states, with an optional action. */
export function EmptyState({
  title,
  children,
  action,
  headingLevel = 2,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="card flex flex-col items-center gap-2 px-6 py-12 text-center">
      <Heading className="text-base font-semibold">{title}</Heading>
      {children && <div className="max-w-prose text-fg-muted">{children}</div>}
      {action && <div className="mt-3">{action}</div>}
    </div>
  );
}
