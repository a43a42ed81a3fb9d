import { useState, type FormEvent, type ReactNode } from 'react';
import { Dialog, DialogSubmitFooter } from './Dialog.tsx';
import { FormField, INPUT_CLASSES } from './FormField.tsx';
import { SubmitError } from './SubmitError.tsx';

/**
 * A destructive action that asks the user to type the resource's name first: the confirm button
 * stays disabled until the exact name is typed. A failure is shown inside the dialog, in the
 * server's (AWS's) own words, and the typed name is kept for another try.
 */
export function TypedConfirmDialog({
  open,
  onOpenChange,
  title,
  name,
  confirmLabel,
  pendingLabel,
  children,
  onConfirm,
  pending,
  error,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** What must be typed, e.g. the cluster name. */
  name: string;
  confirmLabel: string;
  pendingLabel: string;
  /** What will happen, and what may stop it. */
  children: ReactNode;
  onConfirm: (typedName: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const [typed, setTyped] = useState('');
  const matches = typed === name;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (matches && !pending) onConfirm(typed);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setTyped('');
        onOpenChange(next);
      }}
      title={title}
      busy={pending}
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <div className="flex flex-col gap-2">{children}</div>
        {error !== null && error !== undefined && <SubmitError error={error} />}
        <FormField label={`Type ${name} to confirm`}>
          {(props) => (
            <input
              {...props}
              className={`${INPUT_CLASSES} font-mono`}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
            />
          )}
        </FormField>
        <DialogSubmitFooter
          onCancel={() => onOpenChange(false)}
          pending={pending}
          label={confirmLabel}
          pendingLabel={pendingLabel}
          disabled={!matches}
          tone="danger"
        />
      </form>
    </Dialog>
  );
}
