import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { ConfirmDeleteRequest } from '@wheelhouse/contract';
import type { ChangeNoticeContent, ChangeSubject } from './ChangeNotice.tsx';
import { Dialog, DialogSubmitFooter } from './Dialog.tsx';
import { FormField, INPUT_CLASSES } from './FormField.tsx';
import { serverFieldErrors } from './forms/formValidation.ts';
import { SubmitError } from './SubmitError.tsx';

/** What a typed-name confirmation says: its title, the name to type, its button and consequences. */
interface ConfirmWording {
  title: string;
  /** What must be typed, e.g. the cluster name. */
  name: string;
  confirmLabel: string;
  pendingLabel: string;
  /** What will happen, and what may stop it. */
  children: ReactNode;
}

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
}: ConfirmWording & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: (typedName: string) => void;
  pending: boolean;
  error: unknown;
}) {
  // The same form as every change dialog (react-hook-form); the one rule is the exact name.
  const { register, watch, reset, handleSubmit } = useForm({ defaultValues: { confirmName: '' } });
  const typed = watch('confirmName');
  const matches = typed === name;
  const onSubmit = handleSubmit(({ confirmName }) => {
    if (confirmName === name && !pending) onConfirm(confirmName);
  });
  const serverError = serverFieldErrors(error).confirmName;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
      title={title}
      busy={pending}
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="flex flex-col gap-4">
        <div className="flex flex-col gap-2">{children}</div>
        {error !== null && error !== undefined && <SubmitError error={error} />}
        <FormField label={`Type ${name} to confirm`} error={serverError}>
          {(props) => (
            <input
              {...props}
              className={`${INPUT_CLASSES} font-mono`}
              {...register('confirmName')}
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

/** The part of a `{ confirmName }` mutation (delete, deregister) the dialog uses. */
interface ConfirmNameMutation {
  mutate: (body: ConfirmDeleteRequest, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
}

/**
 * A change confirmed by typing the resource's name (delete, deregister): sends `{ confirmName }`
 * with `mutation`; once accepted, reports `doneText` through `onDone`. Closing calls `onClose`.
 */
export function TypedConfirmChangeDialog({
  mutation,
  doneText,
  finishedText,
  subject,
  onClose,
  onDone,
  ...wording
}: ConfirmWording & {
  mutation: ConfirmNameMutation;
  doneText: string;
  /** What the notice says once the change has finished (with `subject` to follow it). */
  finishedText?: string;
  subject?: ChangeSubject;
  onClose: () => void;
  onDone: (notice: ChangeNoticeContent) => void;
}) {
  return (
    <TypedConfirmDialog
      {...wording}
      open
      onOpenChange={(open) => !open && onClose()}
      pending={mutation.isPending}
      error={mutation.error}
      onConfirm={(confirmName) =>
        mutation.mutate(
          { confirmName },
          {
            onSuccess: () =>
              onDone({
                text: doneText,
                ...(finishedText ? { doneText: finishedText } : {}),
                ...(subject ? { subject } : {}),
              }),
          },
        )
      }
    />
  );
}
