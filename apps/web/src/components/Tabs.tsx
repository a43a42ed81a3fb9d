import type { ReactNode } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';

/** One tab: its id (used in the URL), its visible name, and what it shows. */
export interface TabDef {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Controlled tabs (the caller keeps the value, e.g. in `?tab=`). Arrow keys move between tabs,
 * Tab moves into the panel; each tab is named by its label and each panel by its tab.
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
  return (
    <RadixTabs.Root value={value} onValueChange={onValueChange} className="flex flex-col">
      <RadixTabs.List
        aria-label={label}
        className="flex gap-1 overflow-x-auto border-b border-line"
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
