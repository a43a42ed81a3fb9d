import type { ReactNode } from 'react';

/** One labelled value; `value` undefined/empty renders a muted "—" so gaps read as "not set". */
export interface KeyValueItem {
  label: string;
  value: ReactNode;
}

/** A description list laid out as a two-column grid: labels on the left, values on the right. */
export function KeyValueList({ items, label }: { items: KeyValueItem[]; label?: string }) {
  return (
    <dl
      aria-label={label}
      className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-[minmax(10rem,14rem)_1fr]"
    >
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="text-fg-muted">{item.label}</dt>
          <dd className="min-w-0 break-words">
            {item.value === undefined || item.value === null || item.value === '' ? (
              <span className="text-fg-muted">—</span>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
