import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';

/** One tab: its id (used in the URL), its visible name, and what it shows. */
export interface TabDef {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Controlled tabs (the caller keeps the value, e.g. in `?tab=`). Arrow keys move between tabs,
 * Tab moves into the panel; each tab is named by its label and each panel by its tab. When the
 * tabs are wider than the page (phones), the row scrolls sideways and keeps the active tab in view.
 */
export function Tabs({
  label,
  tabs,
  value,
  onValueChange,
}: {
  label: string;
  tabs: TabDef[];
  value: string;
  onValueChange: (id: string) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const list = listRef.current;
    const active = list?.querySelector<HTMLElement>('[data-state="active"]');
    if (list && active) revealInRow(list, active);
  }, [value]);
  return (
    <RadixTabs.Root value={value} onValueChange={onValueChange} className="flex flex-col">
      <RadixTabs.List
        ref={listRef}
        aria-label={label}
        className="relative flex gap-1 overflow-x-auto border-b border-line"
      >
        {tabs.map((tab) => (
          <RadixTabs.Trigger
            key={tab.id}
            value={tab.id}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium whitespace-nowrap text-fg-muted hover:text-fg data-[state=active]:border-accent data-[state=active]:text-fg"
          >
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.id} value={tab.id} className="pt-4">
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}

/**
 * Scrolls a sideways row just enough to show `item` whole. Only the row moves: scrollIntoView
 * would also scroll the page up or down to the tabs.
 */
function revealInRow(row: HTMLElement, item: HTMLElement) {
  // The row is `relative`, so offsetLeft is measured from its start.
  const left = item.offsetLeft;
  const right = left + item.offsetWidth;
  if (left < row.scrollLeft) row.scrollLeft = left;
  else if (right > row.scrollLeft + row.clientWidth) row.scrollLeft = right - row.clientWidth;
}
