import { useRef } from 'react';
import { DropdownMenu } from 'radix-ui';

/** Three dots: the usual sign for "more actions" in a narrow column. */
function MoreIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className="size-4"
      fill="currentColor"
    >
      <circle cx="5" cy="12" r="1.8" />
      <circle cx="12" cy="12" r="1.8" />
      <circle cx="19" cy="12" r="1.8" />
    </svg>
  );
}

/** One entry of a row's actions menu. */
export interface RowAction {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

/**
 * A row's "Actions" menu button (named "Actions for <name>"). The chosen action runs only after
 * the menu has closed and focus is back on this button, so a dialog it opens returns focus here.
 */
export function RowActionsMenu({ name, actions }: { name: string; actions: RowAction[] }) {
  const chosen = useRef<RowAction | null>(null);
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="btn-secondary h-7 px-1.5"
        aria-label={`Actions for ${name}`}
        title="Actions"
      >
        <MoreIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className="z-30 min-w-48 rounded-lg border border-line bg-surface-raised p-1 text-sm text-fg shadow-lg"
          onCloseAutoFocus={() => {
            const action = chosen.current;
            chosen.current = null;
            action?.onSelect();
          }}
        >
          {actions.map((action) => (
            <DropdownMenu.Item
              key={action.label}
              onSelect={() => {
                chosen.current = action;
              }}
              className={`cursor-pointer rounded px-2 py-1.5 outline-none data-[highlighted]:bg-surface-muted ${
                action.danger ? 'text-danger-fg' : ''
              }`}
            >
              {action.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
