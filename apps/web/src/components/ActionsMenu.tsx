import { useRef } from 'react';
import { DropdownMenu } from 'radix-ui';
import { ChevronDownIcon } from './Icons.tsx';

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

/** One entry of an actions menu. */
export interface MenuAction {
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

const CONTENT_CLASSES =
  'z-30 rounded-lg border border-line bg-surface-raised p-1 text-sm text-fg shadow-lg';

/**
 * An "Actions" menu button, named "Actions for <name>": three dots in a table row (`row`), a
 * visible "Actions" button in a page header (`header`). The chosen action runs only after the menu
 * has closed and focus is back on the button, so a dialog it opens hands focus back there.
 */
export function ActionsMenu({
  name,
  actions,
  placement,
}: {
  name: string;
  actions: MenuAction[];
  placement: 'row' | 'header';
}) {
  const chosen = useRef<MenuAction | null>(null);
  return (
    <DropdownMenu.Root modal={false}>
      {placement === 'row' ? (
        <DropdownMenu.Trigger
          className="btn-secondary h-7 px-1.5"
          aria-label={`Actions for ${name}`}
          title="Actions"
        >
          <MoreIcon />
        </DropdownMenu.Trigger>
      ) : (
        <DropdownMenu.Trigger className="btn-secondary" aria-label={`Actions for ${name}`}>
          Actions
          <ChevronDownIcon className="size-3.5 text-fg-muted" />
        </DropdownMenu.Trigger>
      )}
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          className={`${CONTENT_CLASSES} ${placement === 'row' ? 'min-w-48' : 'min-w-56'}`}
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
              // The keyboard highlight is a solid fill with inverted text, plain in both themes.
              className={`cursor-pointer rounded px-2 py-1.5 outline-none ${
                action.danger
                  ? 'text-danger-fg data-[highlighted]:bg-danger-solid data-[highlighted]:text-white'
                  : 'data-[highlighted]:bg-highlight data-[highlighted]:text-highlight-fg'
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
