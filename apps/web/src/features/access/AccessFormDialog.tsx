import type { FormEvent, ReactNode } from 'react';
import { Dialog, DialogSubmitFooter } from '../../components/Dialog.tsx';
import { FormField, INPUT_CLASSES } from '../../components/FormField.tsx';
import { SubmitError } from '../../components/SubmitError.tsx';

/** A change form in a dialog: fields, the server's answer when it refuses, submit and cancel. */
export function AccessFormDialog({
  title,
  label,
  pendingLabel,
  pending,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  label: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={title} busy={pending}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        {children}
        {error !== null && error !== undefined && <SubmitError error={error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={pending}
          label={label}
          pendingLabel={pendingLabel}
        />
      </form>
    </Dialog>
  );
}

/** One labelled text input of an Access form. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  mono = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
  mono?: boolean;
}) {
  return (
    <FormField label={label} error={error} {...(hint ? { hint } : {})}>
      {(props) => (
        <input
          {...props}
          className={`${INPUT_CLASSES} ${mono ? 'font-mono' : ''}`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </FormField>
  );
}
