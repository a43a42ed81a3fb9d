import type { BaseSyntheticEvent, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
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
  /** The form's submit handler (useChangeForm's `onSubmit(...)`). */
  onSubmit: (event: BaseSyntheticEvent) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const submit = (event: BaseSyntheticEvent) => {
    event.preventDefault();
    if (!pending) onSubmit(event);
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

/** One labelled text input of an Access form, registered with its react-hook-form field. */
export function TextField({
  label,
  field,
  error,
  hint,
  mono = false,
}: {
  label: string;
  field: UseFormRegisterReturn;
  error: string | undefined;
  hint?: string;
  mono?: boolean;
}) {
  return (
    <FormField label={label} error={error} {...(hint ? { hint } : {})}>
      {(props) => (
        <input
          {...props}
          {...field}
          className={`${INPUT_CLASSES} ${mono ? 'font-mono' : ''}`}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </FormField>
  );
}
