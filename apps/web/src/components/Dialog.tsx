import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { Dialog as RadixDialog } from 'radix-ui';
import { CloseIcon } from './Icons.tsx';

const WIDTHS = { md: 'max-w-lg', lg: 'max-w-2xl', xl: 'max-w-4xl' } as const;

/**
 * A modal dialog named by its title (so tests and screen readers find it as
 * `getByRole('dialog', { name: title })`). On open, focus goes to the first field (else the close
 * button) and stays trapped inside; on close it returns to whatever had it before (the button or
 * menu that opened the dialog). Escape, a click outside and the close button close it unless
 * `busy` (a change is being submitted).
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  busy = false,
  size = 'md',
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  busy?: boolean;
  size?: keyof typeof WIDTHS;
}) {
  // Radix returns focus only to a Dialog.Trigger; these dialogs open from buttons and menus
  // elsewhere, so remember what had focus. Layout effects run before Radix moves focus inside.
  const opener = useRef<HTMLElement | null>(null);
  const content = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (open) opener.current = document.activeElement as HTMLElement | null;
  }, [open]);
  return (
    <RadixDialog.Root
      open={open}
      onOpenChange={(next) => (busy && !next ? undefined : onOpenChange(next))}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-backdrop backdrop-blur-[2px]" />
        <RadixDialog.Content
          ref={content}
          // Without a description Radix would warn; the title alone names the dialog then.
          {...(description ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={(event) => {
            const field = content.current?.querySelector<HTMLElement>(
              'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])',
            );
            if (field) {
              event.preventDefault();
              field.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            const target = opener.current;
            if (target?.isConnected && target !== document.body) {
              event.preventDefault();
              target.focus();
            }
          }}
          className={`fixed top-1/2 left-1/2 z-50 flex max-h-[90vh] w-[calc(100vw-2rem)] ${WIDTHS[size]} -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border border-line-strong bg-surface-raised text-fg shadow-2xl`}
        >
          <div className="flex items-start gap-3 border-b border-line px-5 py-3">
            <div className="min-w-0 flex-1">
              <RadixDialog.Title className="text-base font-semibold break-words">
                {title}
              </RadixDialog.Title>
              {description && (
                <RadixDialog.Description className="mt-0.5 text-fg-muted">
                  {description}
                </RadixDialog.Description>
              )}
            </div>
            <RadixDialog.Close className="btn-ghost h-7 px-1.5" aria-label="Close" disabled={busy}>
              <CloseIcon />
            </RadixDialog.Close>
          </div>
          <div className="min-h-0 overflow-auto px-5 py-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The button row at the bottom of a dialog's form: secondary actions left of the primary one. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex flex-wrap items-center justify-end gap-2">{children}</div>;
}

/**
 * The footer of a dialog that sends something: Cancel, then the submit button, which reads
 * `pendingLabel` while the request is out. Both are disabled meanwhile (the dialog is `busy` then
 * too), so one submission cannot be sent twice or abandoned half-way.
 */
export function DialogSubmitFooter({
  onCancel,
  pending,
  label,
  pendingLabel,
  disabled = false,
  disabledReason,
  tone = 'primary',
}: {
  onCancel: () => void;
  pending: boolean;
  label: string;
  pendingLabel: string;
  /** Disables the submit button for another reason (nothing changed, name not typed yet). */
  disabled?: boolean;
  /** Why the submit button is disabled, shown beside it and read with it. */
  disabledReason?: string;
  tone?: 'primary' | 'danger';
}) {
  const reasonId = useId();
  const reason = disabled && !pending ? disabledReason : undefined;
  return (
    <DialogFooter>
      {reason && (
        <span id={reasonId} className="mr-auto text-fg-muted">
          {reason}
        </span>
      )}
      <button type="button" className="btn-secondary" onClick={onCancel} disabled={pending}>
        Cancel
      </button>
      <button
        type="submit"
        className={tone === 'danger' ? 'btn-danger' : 'btn-primary'}
        disabled={disabled || pending}
        {...(reason ? { 'aria-describedby': reasonId } : {})}
      >
        {pending ? pendingLabel : label}
      </button>
    </DialogFooter>
  );
}
