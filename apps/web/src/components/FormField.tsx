import { useId, type ReactNode } from 'react';
import { AlertIcon } from './Icons.tsx';

/** What a form control needs to be labelled, described by its hint and error, and marked invalid. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form control with an optional hint and an inline error. The control is rendered by
 * `children` with the ids to wire up, so inputs, selects and textareas all work:
 * `<FormField label="Minimum size" error={errors.minSize}>{(p) => <input {...p} />}</FormField>`.
 */
export function FormField({
  label,
  hint,
  error,
  className = '',
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && <FieldError id={errorId}>{error}</FieldError>}
      {hint && (
        <p id={hintId} className="text-xs text-fg-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

/** An inline validation message under a control (or a group of them). */
export function FieldError({ id, children }: { id?: string | undefined; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1 text-xs font-medium text-danger-fg">
      <AlertIcon className="mt-px size-3.5 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

/** Input styling that also turns red when the control is marked invalid. */
export const INPUT_CLASSES = 'input w-full aria-[invalid=true]:border-danger-fg';
