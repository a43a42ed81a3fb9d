import type { FormEventHandler, ReactNode } from 'react';
import { Dialog, DialogSubmitFooter } from '../Dialog.tsx';
import { SubmitError } from '../SubmitError.tsx';

/** The part of a change mutation the dialog shows: whether it is out, and how it failed. */
interface ChangeMutationState {
  isPending: boolean;
  error: unknown;
}

/**
 * The frame of every change dialog: title and description, the form with `children`, the
 * failure in the server's words above the buttons, Cancel and the submit button (disabled with
 * `disabledReason` beside it). While the change is out, the dialog cannot be closed.
 */
export function ChangeFormDialog({
  title,
  description,
  size,
  mutation,
  onClose,
  onSubmit,
  submitLabel,
  pendingLabel,
  disabled = false,
  disabledReason,
  gap = 'gap-4',
  children,
}: {
  title: string;
  description?: ReactNode;
  size?: 'md' | 'lg';
  mutation: ChangeMutationState;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  pendingLabel: string;
  disabled?: boolean;
  disabledReason?: string | undefined;
  gap?: 'gap-4' | 'gap-5';
  children: ReactNode;
}) {
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description={description}
      busy={mutation.isPending}
      {...(size ? { size } : {})}
    >
      <form noValidate className={`flex flex-col ${gap}`} onSubmit={onSubmit}>
        {children}
        {mutation.error != null && <SubmitError error={mutation.error} />}
        <DialogSubmitFooter
          onCancel={onClose}
          pending={mutation.isPending}
          disabled={disabled}
          {...(disabledReason ? { disabledReason } : {})}
          label={submitLabel}
          pendingLabel={pendingLabel}
        />
      </form>
    </Dialog>
  );
}
